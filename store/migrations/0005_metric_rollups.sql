CREATE TABLE "person_workflow_week_rollups" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"completions" integer DEFAULT 0 NOT NULL,
	"reuses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "person_workflow_week_rollups_tenant_id_workflow_id_person_id_week_start_pk" PRIMARY KEY("tenant_id","workflow_id","person_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "person_week_rollups" ALTER COLUMN "quality_score_sum" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "sessions_started" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "workflows_published" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "reviewed_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "reviewed_meeting_bar" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "reviewer_score_sum" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "saved_deeper_analysis" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "saved_customers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "saved_colleagues" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "saved_learning" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "saved_other" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "saved_unstated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_week_rollups" ADD COLUMN "reused_by_colleagues" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "person_workflow_week_rollups_person_idx" ON "person_workflow_week_rollups" USING btree ("tenant_id","person_id","week_start");--> statement-breakpoint
CREATE INDEX "events_tenant_workflow_idx" ON "events" USING btree ("tenant_id","workflow_id");--> statement-breakpoint
CREATE INDEX "person_week_rollups_tenant_week_idx" ON "person_week_rollups" USING btree ("tenant_id","week_start");