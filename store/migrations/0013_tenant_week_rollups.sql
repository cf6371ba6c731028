CREATE TABLE "tenant_week_rollups" (
	"tenant_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"stripe" smallint NOT NULL,
	"sessions_started" integer DEFAULT 0 NOT NULL,
	"workflows_published" integer DEFAULT 0 NOT NULL,
	"sessions_completed" integer DEFAULT 0 NOT NULL,
	"sessions_meeting_bar" integer DEFAULT 0 NOT NULL,
	"quality_score_sum" double precision DEFAULT 0 NOT NULL,
	"quality_score_count" integer DEFAULT 0 NOT NULL,
	"reviewed_sessions" integer DEFAULT 0 NOT NULL,
	"reviewed_meeting_bar" integer DEFAULT 0 NOT NULL,
	"reviewer_score_sum" double precision DEFAULT 0 NOT NULL,
	"manual_minutes" integer DEFAULT 0 NOT NULL,
	"actual_minutes" integer DEFAULT 0 NOT NULL,
	"saved_deeper_analysis" integer DEFAULT 0 NOT NULL,
	"saved_customers" integer DEFAULT 0 NOT NULL,
	"saved_colleagues" integer DEFAULT 0 NOT NULL,
	"saved_learning" integer DEFAULT 0 NOT NULL,
	"saved_other" integer DEFAULT 0 NOT NULL,
	"saved_unstated" integer DEFAULT 0 NOT NULL,
	"reuse_sessions" integer DEFAULT 0 NOT NULL,
	"reused_by_colleagues" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tenant_week_rollups_tenant_id_week_start_stripe_pk" PRIMARY KEY("tenant_id","week_start","stripe")
);
--> statement-breakpoint
-- Filled from the person-weeks already there; from now on kept in the same transaction as every write to
-- person_week_rollups (store/repositories/tenant-week-sums.ts).
INSERT INTO "tenant_week_rollups" (tenant_id, week_start, stripe, sessions_started, workflows_published, sessions_completed, sessions_meeting_bar, quality_score_sum, quality_score_count, reviewed_sessions, reviewed_meeting_bar, reviewer_score_sum, manual_minutes, actual_minutes, saved_deeper_analysis, saved_customers, saved_colleagues, saved_learning, saved_other, saved_unstated, reuse_sessions, reused_by_colleagues)
SELECT tenant_id, week_start, get_byte(uuid_send(person_id), 15) % 16, sum(sessions_started), sum(workflows_published), sum(sessions_completed), sum(sessions_meeting_bar), sum(quality_score_sum), sum(quality_score_count), sum(reviewed_sessions), sum(reviewed_meeting_bar), sum(reviewer_score_sum), sum(manual_minutes), sum(actual_minutes), sum(saved_deeper_analysis), sum(saved_customers), sum(saved_colleagues), sum(saved_learning), sum(saved_other), sum(saved_unstated), sum(reuse_sessions), sum(reused_by_colleagues)
FROM person_week_rollups GROUP BY 1, 2, 3;
--> statement-breakpoint
-- Per-person totals of a period (active people, the median time saved, reused authors) read from the index alone.
CREATE INDEX "person_week_rollups_period_totals_idx" ON "person_week_rollups" (tenant_id, week_start)
  INCLUDE (person_id, sessions_completed, manual_minutes, actual_minutes, reused_by_colleagues);
