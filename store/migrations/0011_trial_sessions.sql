DROP INDEX "workflow_versions_uq";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "trial" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD COLUMN "trial" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_versions_uq" ON "workflow_versions" USING btree ("tenant_id","workflow_id","version_number") WHERE not "workflow_versions"."trial";