-- The annual report on social conditions (seed 003): versions per year and territory, each with
-- its figures (aggregates after disclosure control, no personal data) and the staff's narrative.
-- A published version is frozen: neither its figures nor its text ever change again.
CREATE TABLE social_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  territory text NOT NULL CHECK (territory ~ '^[a-z0-9-]+$'),
  territory_name text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL DEFAULT 'generating' CHECK (status IN ('generating', 'draft', 'published', 'failed')),
  progress jsonb,
  figures jsonb,
  narrative jsonb NOT NULL DEFAULT '{}',
  error text,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  generated_at timestamptz,
  published_at timestamptz,
  published_by uuid REFERENCES users(id),
  UNIQUE (year, territory, version),
  CHECK (status NOT IN ('draft', 'published') OR figures IS NOT NULL),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX social_reports_published ON social_reports (year, territory, version DESC) WHERE status = 'published';

CREATE FUNCTION social_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'a published social report is frozen' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER social_reports_frozen BEFORE UPDATE ON social_reports
  FOR EACH ROW EXECUTE FUNCTION social_reports_frozen();

REVOKE DELETE ON social_reports FROM legami_app;
