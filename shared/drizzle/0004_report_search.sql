-- Full-text search of reports, in each report's own language (stemming: "détenus" finds
-- "détention"). The text searched is what coordinators may read: the redacted version when
-- there is one, so a search never finds what a redaction removed.
CREATE FUNCTION report_search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE language
    WHEN 'en' THEN 'english'::regconfig
    WHEN 'fr' THEN 'french'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig
    WHEN 'ar' THEN 'arabic'::regconfig
    ELSE 'simple'::regconfig END $$;
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector(report_search_config("language"),
    coalesce("redacted_barriers", "barriers") || ' ' ||
    coalesce("redacted_recommendations", "recommendations") || ' ' ||
    coalesce("redacted_source", "source"))
) STORED;
--> statement-breakpoint
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("search");
