CREATE TABLE "nudge_deliveries" (
	"tenant_id" uuid NOT NULL,
	"nudge_key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nudge_deliveries_tenant_id_nudge_key_pk" PRIMARY KEY("tenant_id","nudge_key")
);
--> statement-breakpoint
CREATE TABLE "nudge_preferences" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"all_off" boolean DEFAULT false NOT NULL,
	"kinds_off" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kinds_on" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unreachable_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nudge_preferences_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "nudge_deliveries" ADD CONSTRAINT "nudge_deliveries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD CONSTRAINT "nudge_preferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nudge_deliveries_person_idx" ON "nudge_deliveries" USING btree ("tenant_id","person_id","sent_at");