CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_person_id" uuid,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text,
	"activity_id" text,
	"skill_area" text,
	"issued_at" timestamp with time zone NOT NULL,
	"statement_id" uuid,
	"source" text NOT NULL,
	"voided" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"person_id" uuid,
	"session_id" uuid,
	"workflow_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"unique_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "level_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"skill_area" text NOT NULL,
	"from_level" integer NOT NULL,
	"to_level" integer NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "levels" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"skill_area" text NOT NULL,
	"level" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "levels_tenant_id_person_id_skill_area_pk" PRIMARY KEY("tenant_id","person_id","skill_area")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"aad_object_id" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"department" text,
	"job_title" text,
	"manager_id" uuid,
	"employee_id" text,
	"lms_identifier" text,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conversation_reference" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_week_rollups" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"sessions_completed" integer DEFAULT 0 NOT NULL,
	"sessions_meeting_bar" integer DEFAULT 0 NOT NULL,
	"quality_score_sum" real DEFAULT 0 NOT NULL,
	"quality_score_count" integer DEFAULT 0 NOT NULL,
	"manual_minutes" integer DEFAULT 0 NOT NULL,
	"actual_minutes" integer DEFAULT 0 NOT NULL,
	"reuse_sessions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "person_week_rollups_tenant_id_person_id_week_start_pk" PRIMARY KEY("tenant_id","person_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "processed_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"processed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"mean_score" real NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"workflow_version_id" uuid NOT NULL,
	"status" text NOT NULL,
	"current_step_index" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"deliverable" text,
	"feedback" jsonb,
	"shared_for_review" boolean DEFAULT false NOT NULL,
	"version" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"content_purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tenant_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"skill_area" text NOT NULL,
	"status" text NOT NULL,
	"latest_version_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xapi_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"target" text NOT NULL,
	"event_id" uuid,
	"person_id" uuid,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_workflow_version_id_workflow_versions_id_fk" FOREIGN KEY ("workflow_version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_tenant_at_idx" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "certificates_tenant_person_idx" ON "certificates" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_statement_uq" ON "certificates" USING btree ("tenant_id","statement_id");--> statement-breakpoint
CREATE INDEX "events_tenant_type_at_idx" ON "events" USING btree ("tenant_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "events_tenant_person_idx" ON "events" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("status","lease_until");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unique_key_uq" ON "jobs" USING btree ("tenant_id","unique_key") WHERE "jobs"."unique_key" is not null and "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "level_changes_tenant_at_idx" ON "level_changes" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "people_tenant_aad_uq" ON "people" USING btree ("tenant_id","aad_object_id");--> statement-breakpoint
CREATE INDEX "people_tenant_email_idx" ON "people" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "people_tenant_manager_idx" ON "people" USING btree ("tenant_id","manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processed_activities_uq" ON "processed_activities" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "processed_activities_at_idx" ON "processed_activities" USING btree ("tenant_id","processed_at");--> statement-breakpoint
CREATE INDEX "reviews_tenant_session_idx" ON "reviews" USING btree ("tenant_id","session_id");--> statement-breakpoint
CREATE INDEX "sessions_tenant_person_status_idx" ON "sessions" USING btree ("tenant_id","person_id","status");--> statement-breakpoint
CREATE INDEX "sessions_tenant_workflow_idx" ON "sessions" USING btree ("tenant_id","workflow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_versions_uq" ON "workflow_versions" USING btree ("tenant_id","workflow_id","version_number");--> statement-breakpoint
CREATE INDEX "workflows_tenant_status_idx" ON "workflows" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_outbox_statement_target_uq" ON "xapi_outbox" USING btree ("tenant_id","target","statement_id");--> statement-breakpoint
CREATE INDEX "xapi_outbox_due_idx" ON "xapi_outbox" USING btree ("status","next_attempt_at");