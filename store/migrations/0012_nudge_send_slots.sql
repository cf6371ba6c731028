CREATE TABLE "nudge_send_slots" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"next_free_at" timestamp with time zone NOT NULL
);
