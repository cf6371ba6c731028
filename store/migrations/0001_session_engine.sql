ALTER TABLE "sessions" ADD COLUMN "phase" text DEFAULT 'steps' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "active_ms" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;