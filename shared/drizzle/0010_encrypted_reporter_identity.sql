CREATE TABLE "reporter_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"public_key" jsonb NOT NULL,
	"wrapped_private_key" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_anonymous_has_no_identity";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "identity_ciphertext" jsonb;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "identity_key_id" uuid;--> statement-breakpoint
ALTER TABLE "reporter_keys" ADD CONSTRAINT "reporter_keys_created_by_coordinator_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."coordinator_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_identity_key_id_reporter_keys_id_fk" FOREIGN KEY ("identity_key_id") REFERENCES "public"."reporter_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_identity_names_its_key" CHECK (("reports"."identity_ciphertext" IS NULL) = ("reports"."identity_key_id" IS NULL));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_anonymous_has_no_identity" CHECK (NOT "reports"."anonymous" OR ("reports"."organization" IS NULL AND "reports"."contact_name" IS NULL AND "reports"."contact_email" IS NULL AND "reports"."identity_ciphertext" IS NULL));