DROP INDEX "reports_created_idx";--> statement-breakpoint
CREATE INDEX "reports_created_id_idx" ON "reports" USING btree ("created_at","id");