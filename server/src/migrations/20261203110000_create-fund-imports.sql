-- Funds: budget lines and expenses imported from CSV/XLSX in the background, with their progress and a report row by row (any server instance can report or resume them).

-- One uploaded file for a project. The uploader's rights at upload time are kept (`actor`), so the
-- job decides every row with the same policies and row-level security as a request of theirs.
CREATE TABLE fund_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES fund_projects(id),
  created_by uuid NOT NULL REFERENCES users(id),
  file_kind text NOT NULL CHECK (file_kind IN ('csv', 'xlsx')),
  actor jsonb NOT NULL,
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

-- The rows of the file, then the outcome of each: the budget line or the movement it created, or
-- why it was refused (naming the column). `data` is cleared once the row is processed.
CREATE TABLE fund_import_rows (
  import_id uuid NOT NULL REFERENCES fund_imports(id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  data jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'created', 'rejected')),
  reason text,
  line_id uuid REFERENCES fund_lines(id),
  movement_id uuid REFERENCES fund_movements(id),
  PRIMARY KEY (import_id, row_number),
  CHECK ((status = 'pending') = (data IS NOT NULL))
);
CREATE INDEX fund_import_rows_pending_idx ON fund_import_rows (import_id, row_number) WHERE status = 'pending';

-- An import and its rows belong to whoever uploaded them (legami.actor_user_id, as for volunteer imports).
ALTER TABLE fund_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_imports_owner ON fund_imports
  USING (created_by::text = current_setting('legami.actor_user_id', true))
  WITH CHECK (created_by::text = current_setting('legami.actor_user_id', true));
ALTER TABLE fund_import_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_import_rows_owner ON fund_import_rows
  USING (created_by::text = current_setting('legami.actor_user_id', true))
  WITH CHECK (created_by::text = current_setting('legami.actor_user_id', true));
