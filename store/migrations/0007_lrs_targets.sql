CREATE TABLE "lrs_targets" (
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"endpoint" text NOT NULL,
	"auth" jsonb NOT NULL,
	"sealed_secret" text NOT NULL,
	"actor" jsonb NOT NULL,
	"send_failed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lrs_targets_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE INDEX "xapi_outbox_person_idx" ON "xapi_outbox" USING btree ("tenant_id","person_id");