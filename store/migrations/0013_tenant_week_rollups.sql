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
-- Filled from the person-weeks already there, then kept by the trigger below in the same transaction as every
-- write to person_week_rollups (the event upkeep, a recompute, an erasure).
INSERT INTO "tenant_week_rollups" (tenant_id, week_start, stripe, sessions_started, workflows_published, sessions_completed, sessions_meeting_bar, quality_score_sum, quality_score_count, reviewed_sessions, reviewed_meeting_bar, reviewer_score_sum, manual_minutes, actual_minutes, saved_deeper_analysis, saved_customers, saved_colleagues, saved_learning, saved_other, saved_unstated, reuse_sessions, reused_by_colleagues)
SELECT tenant_id, week_start, get_byte(uuid_send(person_id), 15) % 16, sum(sessions_started), sum(workflows_published), sum(sessions_completed), sum(sessions_meeting_bar), sum(quality_score_sum), sum(quality_score_count), sum(reviewed_sessions), sum(reviewed_meeting_bar), sum(reviewer_score_sum), sum(manual_minutes), sum(actual_minutes), sum(saved_deeper_analysis), sum(saved_customers), sum(saved_colleagues), sum(saved_learning), sum(saved_other), sum(saved_unstated), sum(reuse_sessions), sum(reused_by_colleagues)
FROM person_week_rollups GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE FUNCTION tenant_week_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END;
BEGIN
  -- Rows are locked in (week, stripe) order so that two transactions never wait on each other in a cycle.
  EXECUTE replace($sql$
    INSERT INTO tenant_week_rollups (tenant_id, week_start, stripe, sessions_started, workflows_published, sessions_completed, sessions_meeting_bar, quality_score_sum, quality_score_count, reviewed_sessions, reviewed_meeting_bar, reviewer_score_sum, manual_minutes, actual_minutes, saved_deeper_analysis, saved_customers, saved_colleagues, saved_learning, saved_other, saved_unstated, reuse_sessions, reused_by_colleagues)
    SELECT tenant_id, week_start, get_byte(uuid_send(person_id), 15) % 16, sum(sign * sessions_started), sum(sign * workflows_published), sum(sign * sessions_completed), sum(sign * sessions_meeting_bar), sum(sign * quality_score_sum), sum(sign * quality_score_count), sum(sign * reviewed_sessions), sum(sign * reviewed_meeting_bar), sum(sign * reviewer_score_sum), sum(sign * manual_minutes), sum(sign * actual_minutes), sum(sign * saved_deeper_analysis), sum(sign * saved_customers), sum(sign * saved_colleagues), sum(sign * saved_learning), sum(sign * saved_other), sum(sign * saved_unstated), sum(sign * reuse_sessions), sum(sign * reused_by_colleagues)
    FROM (:changed) AS changed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, week_start, stripe) DO UPDATE SET
      sessions_started = tenant_week_rollups.sessions_started + excluded.sessions_started,
      workflows_published = tenant_week_rollups.workflows_published + excluded.workflows_published,
      sessions_completed = tenant_week_rollups.sessions_completed + excluded.sessions_completed,
      sessions_meeting_bar = tenant_week_rollups.sessions_meeting_bar + excluded.sessions_meeting_bar,
      quality_score_sum = tenant_week_rollups.quality_score_sum + excluded.quality_score_sum,
      quality_score_count = tenant_week_rollups.quality_score_count + excluded.quality_score_count,
      reviewed_sessions = tenant_week_rollups.reviewed_sessions + excluded.reviewed_sessions,
      reviewed_meeting_bar = tenant_week_rollups.reviewed_meeting_bar + excluded.reviewed_meeting_bar,
      reviewer_score_sum = tenant_week_rollups.reviewer_score_sum + excluded.reviewer_score_sum,
      manual_minutes = tenant_week_rollups.manual_minutes + excluded.manual_minutes,
      actual_minutes = tenant_week_rollups.actual_minutes + excluded.actual_minutes,
      saved_deeper_analysis = tenant_week_rollups.saved_deeper_analysis + excluded.saved_deeper_analysis,
      saved_customers = tenant_week_rollups.saved_customers + excluded.saved_customers,
      saved_colleagues = tenant_week_rollups.saved_colleagues + excluded.saved_colleagues,
      saved_learning = tenant_week_rollups.saved_learning + excluded.saved_learning,
      saved_other = tenant_week_rollups.saved_other + excluded.saved_other,
      saved_unstated = tenant_week_rollups.saved_unstated + excluded.saved_unstated,
      reuse_sessions = tenant_week_rollups.reuse_sessions + excluded.reuse_sessions,
      reused_by_colleagues = tenant_week_rollups.reused_by_colleagues + excluded.reused_by_colleagues
  $sql$, ':changed', changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_week_rollups_inserted AFTER INSERT ON person_week_rollups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_week_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER person_week_rollups_deleted AFTER DELETE ON person_week_rollups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_week_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER person_week_rollups_updated AFTER UPDATE ON person_week_rollups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_week_rollups_apply();
--> statement-breakpoint
-- Per-person totals of a period (active people, the median time saved, reused authors) read from the index alone.
CREATE INDEX "person_week_rollups_period_totals_idx" ON "person_week_rollups" (tenant_id, week_start)
  INCLUDE (person_id, sessions_completed, manual_minutes, actual_minutes, reused_by_colleagues);
