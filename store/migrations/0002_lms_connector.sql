CREATE TABLE "xapi_target_state" (
	"tenant_id" uuid NOT NULL,
	"target" text NOT NULL,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"last_success_at" timestamp with time zone,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "xapi_target_state_tenant_id_target_pk" PRIMARY KEY("tenant_id","target")
);
--> statement-breakpoint
CREATE INDEX "xapi_outbox_due_target_idx" ON "xapi_outbox" USING btree ("target","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "xapi_outbox_sent_idx" ON "xapi_outbox" USING btree ("tenant_id","target","sent_at");