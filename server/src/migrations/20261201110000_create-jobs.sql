-- One job queue for all work outside a request (notifications, volunteer imports, round plans, drop-out re-plans): retries with backoff, a lease per run for stale-job detection, progress in the database.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  -- Ids and options only, never personal data: the rows they point to keep their own access rules.
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  -- How long a run may stay silent (no heartbeat) before its instance counts as gone.
  lease_seconds integer NOT NULL DEFAULT 60 CHECK (lease_seconds >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  progress jsonb,
  last_error text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CHECK ((status = 'running') = (locked_until IS NOT NULL))
);
CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE status = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE status = 'running';
CREATE INDEX jobs_done_idx ON jobs (finished_at) WHERE status IN ('done', 'failed');

-- Requests only enqueue (in their own transaction, as the application role); runners work as the owner.
REVOKE UPDATE, DELETE, TRUNCATE ON jobs FROM legami_app;

-- A drop-out re-plan stores the substitutes it found for each remaining task next to the re-planned rounds.
ALTER TABLE round_plans ADD COLUMN substitutes jsonb;

-- Request counters of the rate limit, shared by every instance (a per-process counter multiplies the limit by the instances).
-- The key is a hash of the route and the address, never the address itself.
CREATE TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_expiry_idx ON rate_limit_hits (window_ends_at);
