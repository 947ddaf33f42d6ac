-- Open data: the aggregate tables published per year and territory, after disclosure control.
-- Aggregates only (no personal data); a publication is frozen: a new one is a new version.
CREATE TABLE open_datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  territory text NOT NULL CHECK (territory ~ '^[a-z0-9-]+$'),
  territory_name text NOT NULL,
  dataset text NOT NULL CHECK (dataset ~ '^[a-z0-9-]+$'),
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  description text NOT NULL,
  columns jsonb NOT NULL,
  csv text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users(id),
  UNIQUE (year, territory, dataset, version)
);

-- Published is published: the application may add versions, never change or remove one.
REVOKE UPDATE, DELETE ON open_datasets FROM legami_app;

-- A request to publish runs as a job (disclosure control is CPU work); its state is kept here.
CREATE TABLE open_data_publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  territory text NOT NULL CHECK (territory ~ '^[a-z0-9-]+$'),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
  version integer,
  error text,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
