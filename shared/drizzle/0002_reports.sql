CREATE TABLE "report_themes" (
	"report_id" uuid NOT NULL,
	"theme_slug" text NOT NULL,
	"subtopics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provenance" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_themes_report_id_theme_slug_pk" PRIMARY KEY("report_id","theme_slug")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_submission_id" uuid NOT NULL,
	"receipt_code" text NOT NULL,
	"language" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"organization" text,
	"contact_name" text,
	"contact_email" text,
	"region" text NOT NULL,
	"countries" jsonb NOT NULL,
	"corridor_origin" text,
	"corridor_destination" text,
	"barriers" text NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"affected_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"consent" text NOT NULL,
	"webinar_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_client_submission_id_unique" UNIQUE("client_submission_id"),
	CONSTRAINT "reports_receipt_code_unique" UNIQUE("receipt_code"),
	CONSTRAINT "reports_anonymous_has_no_identity" CHECK (NOT "reports"."anonymous" OR ("reports"."organization" IS NULL AND "reports"."contact_name" IS NULL AND "reports"."contact_email" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "report_themes" ADD CONSTRAINT "report_themes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_themes" ADD CONSTRAINT "report_themes_theme_slug_themes_slug_fk" FOREIGN KEY ("theme_slug") REFERENCES "public"."themes"("slug") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_webinar_id_webinars_id_fk" FOREIGN KEY ("webinar_id") REFERENCES "public"."webinars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_themes_theme_idx" ON "report_themes" USING btree ("theme_slug");--> statement-breakpoint
CREATE INDEX "reports_status_created_idx" ON "reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "reports_region_idx" ON "reports" USING btree ("region");