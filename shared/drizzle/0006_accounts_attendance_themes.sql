CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"mail_token" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_resets_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "webinar_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "account_invitations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_invitations" ADD COLUMN "mail_token" text;--> statement-breakpoint
ALTER TABLE "coordinator_accounts" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "coordinator_accounts" ADD COLUMN "sessions_valid_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "account_invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "password_reset_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attendance_source" text;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "takes_reports" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "subtopics" jsonb;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "keywords" jsonb;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_account_id_coordinator_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."coordinator_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_account_idx" ON "password_resets" USING btree ("account_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_coordinator_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."coordinator_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_invitation_id_account_invitations_id_fk" FOREIGN KEY ("account_invitation_id") REFERENCES "public"."account_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_password_reset_id_password_resets_id_fk" FOREIGN KEY ("password_reset_id") REFERENCES "public"."password_resets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_target" CHECK (("notifications"."kind" IN ('account_invitation', 'password_reset')) = ("notifications"."account_id" IS NOT NULL AND "notifications"."webinar_id" IS NULL));--> statement-breakpoint
UPDATE "themes" SET "takes_reports" = false WHERE "kind" = 'orientation';