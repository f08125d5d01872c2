ALTER TABLE "notifications" ADD COLUMN "claim_token" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "handed_off_at" timestamp with time zone;