-- Past one machine: every table with personal data carries its Ambito (ambito_code), the distribution column a sharded (Citus) deployment would use, populated now and kept from the comune by a trigger.

-- Sets NEW.ambito_code from NEW.comune_code (NULL when the row has no comune).
CREATE OR REPLACE FUNCTION legami_set_ambito_code() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.comune_code IS NULL THEN
    NEW.ambito_code := NULL;
  ELSE
    SELECT c.ambito_id INTO NEW.ambito_code FROM comuni c WHERE c.istat_code = NEW.comune_code;
  END IF;
  RETURN NEW;
END
$$;

-- Gives one table the column, fills it, indexes it and keeps it: later migrations call it for
-- their own tables of personal data (`SELECT legami_add_ambito_code('cases');`).
-- `backfill` false for append-only tables (audit_events), whose past rows are never rewritten.
CREATE OR REPLACE FUNCTION legami_add_ambito_code(target regclass, backfill boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  name text := (SELECT relname FROM pg_class WHERE oid = target);
BEGIN
  EXECUTE format('ALTER TABLE %s ADD COLUMN IF NOT EXISTS ambito_code text', target);
  IF backfill THEN
    EXECUTE format(
      'UPDATE %s t SET ambito_code = c.ambito_id FROM comuni c WHERE c.istat_code = t.comune_code AND t.ambito_code IS DISTINCT FROM c.ambito_id',
      target);
  END IF;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (ambito_code)', name || '_ambito_code_idx', target);
  EXECUTE format('DROP TRIGGER IF EXISTS legami_ambito_code ON %s', target);
  EXECUTE format(
    'CREATE TRIGGER legami_ambito_code BEFORE INSERT OR UPDATE OF comune_code ON %s FOR EACH ROW EXECUTE FUNCTION legami_set_ambito_code()',
    target);
END
$$;

-- Every table that exists now with a comune_code column holds personal data or points at it
-- (people, households, requests and their events, tasks, volunteers, audit, organisations, …).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'comune_code' AND tb.table_type = 'BASE TABLE'
    ORDER BY c.table_name
  LOOP
    PERFORM legami_add_ambito_code(format('public.%I', t.table_name)::regclass, t.table_name <> 'audit_events');
  END LOOP;
END
$$;

-- A comune moved to another Ambito (PATCH /api/comuni/{code}) takes its rows along, whatever the
-- mover's territory (SECURITY DEFINER: this keeps derived data consistent, it reveals nothing).
-- The audit trail is not rewritten: it records where a row was when it was written. Rare and
-- administrative: on a sharded cluster this is a row move between shards, done as a job.
CREATE OR REPLACE FUNCTION legami_move_comune_ambito() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'ambito_code' AND table_name <> 'audit_events'
  LOOP
    EXECUTE format('UPDATE public.%I SET ambito_code = $1 WHERE comune_code = $2', t.table_name)
      USING NEW.ambito_id, NEW.istat_code;
  END LOOP;
  RETURN NEW;
END
$$;

CREATE TRIGGER legami_comune_ambito AFTER UPDATE OF ambito_id ON comuni
  FOR EACH ROW WHEN (OLD.ambito_id IS DISTINCT FROM NEW.ambito_id)
  EXECUTE FUNCTION legami_move_comune_ambito();
