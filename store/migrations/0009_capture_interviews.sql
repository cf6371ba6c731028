CREATE TABLE "capture_interviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"workflow_id" uuid,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"drafted_with" text,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capture_interviews" ADD CONSTRAINT "capture_interviews_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_interviews" ADD CONSTRAINT "capture_interviews_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capture_interviews_author_idx" ON "capture_interviews" USING btree ("tenant_id","author_id","status");