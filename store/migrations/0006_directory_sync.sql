CREATE TABLE "directory_sync_state" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"delta_link" text,
	"last_full_sync_at" timestamp with time zone,
	"running_since" timestamp with time zone,
	"pages_read" integer DEFAULT 0 NOT NULL,
	"changes_read" integer DEFAULT 0 NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_run_kind" text,
	"last_success_at" timestamp with time zone,
	"last_counts" jsonb,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "user_principal_name" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "manager_aad_object_id" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "lms_identifier_source" text;--> statement-breakpoint
CREATE INDEX "people_tenant_manager_aad_idx" ON "people" USING btree ("tenant_id","manager_aad_object_id");--> statement-breakpoint
UPDATE "people" AS "report" SET "manager_aad_object_id" = "manager"."aad_object_id" FROM "people" AS "manager" WHERE "report"."manager_id" = "manager"."id";--> statement-breakpoint
UPDATE "people" SET "lms_identifier_source" = 'directory' WHERE "lms_identifier" IS NOT NULL;
