-- Catalogue imports: a provider's services from an HSDS 3.0 CSV data package (zip) or a plain CSV, processed by the job queue with progress and a per-row report, like the volunteers' imports.
CREATE TABLE catalog_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid NOT NULL REFERENCES users(id),
  provider_id uuid NOT NULL REFERENCES catalog_providers(organization_id),
  file_kind text NOT NULL CHECK (file_kind IN ('csv', 'hsds')),
  scope_all boolean NOT NULL,
  scope_comuni text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  total integer NOT NULL CHECK (total >= 0),
  processed integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CHECK (processed = created + rejected AND processed <= total)
);

-- One service of the file per row; `data` is cleared once the row is processed, the reason names the column at fault.
CREATE TABLE catalog_import_rows (
  import_id uuid NOT NULL REFERENCES catalog_imports(id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  data jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'created', 'rejected')),
  reason text,
  service_id uuid REFERENCES catalog_services(id),
  PRIMARY KEY (import_id, row_number),
  CHECK ((status = 'pending') = (data IS NOT NULL))
);
CREATE INDEX catalog_import_rows_pending_idx ON catalog_import_rows (import_id, row_number) WHERE status = 'pending';

-- An import and its rows belong to whoever uploaded them (legami.actor_user_id, set by the catalogue).
ALTER TABLE catalog_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY catalog_imports_owner ON catalog_imports
  USING (created_by::text = current_setting('legami.actor_user_id', true))
  WITH CHECK (created_by::text = current_setting('legami.actor_user_id', true));
ALTER TABLE catalog_import_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY catalog_import_rows_owner ON catalog_import_rows
  USING (created_by::text = current_setting('legami.actor_user_id', true))
  WITH CHECK (created_by::text = current_setting('legami.actor_user_id', true));
