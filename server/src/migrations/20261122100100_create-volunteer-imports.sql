-- Volunteers: preferred neighbourhoods on the offer form, and CSV/XLSX imports run in the background with their progress in the database (any server instance can report or resume them).
ALTER TABLE volunteers ADD COLUMN neighbourhoods text[] NOT NULL DEFAULT '{}';

-- One uploaded volunteer list. The coordinator's territory at upload time is kept, so the
-- background job inserts under row-level security with exactly that scope.
CREATE TABLE volunteer_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid NOT NULL REFERENCES users(id),
  organization_id uuid REFERENCES organizations(id),
  file_kind text NOT NULL CHECK (file_kind IN ('csv', 'xlsx')),
  scope_all boolean NOT NULL,
  scope_comuni text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  total integer NOT NULL CHECK (total >= 0),
  processed integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Touched by every batch: a running import not touched for a while has lost its worker.
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CHECK (processed = created + rejected AND processed <= total)
);
CREATE INDEX volunteer_imports_running_idx ON volunteer_imports (updated_at) WHERE status = 'running';

-- The rows of the file, then the outcome of each. `data` holds personal data until the row is
-- processed and is cleared afterwards; the reason names the column at fault, never the value.
CREATE TABLE volunteer_import_rows (
  import_id uuid NOT NULL REFERENCES volunteer_imports(id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  data jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'created', 'rejected')),
  reason text,
  volunteer_id uuid REFERENCES volunteers(id),
  PRIMARY KEY (import_id, row_number),
  CHECK ((status = 'pending') = (data IS NOT NULL))
);
CREATE INDEX volunteer_import_rows_pending_idx ON volunteer_import_rows (import_id, row_number) WHERE status = 'pending';

-- An import and its rows belong to whoever uploaded them: the volunteers module sets
-- legami.actor_user_id in the transaction (the territory is checked on the volunteers themselves).
ALTER TABLE volunteer_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_imports_owner ON volunteer_imports
  USING (created_by::text = current_setting('legami.actor_user_id', true))
  WITH CHECK (created_by::text = current_setting('legami.actor_user_id', true));
ALTER TABLE volunteer_import_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_import_rows_owner ON volunteer_import_rows
  USING (created_by::text = current_setting('legami.actor_user_id', true))
  WITH CHECK (created_by::text = current_setting('legami.actor_user_id', true));
