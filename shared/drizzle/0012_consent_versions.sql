ALTER TABLE "registrations" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consent_version" text;