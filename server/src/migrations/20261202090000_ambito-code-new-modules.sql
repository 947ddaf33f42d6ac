-- Past one machine: the tables of the modules created after 20261201120000 (catalogue, funds, goods, vouchers, case files, open data) get their distribution column too.

-- Append-only ledgers keep the Ambito a row had when it was written, as the audit trail does: a
-- comune moved to another Ambito does not rewrite them (their guard triggers forbid it anyway).
CREATE OR REPLACE FUNCTION legami_ambito_as_written() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['audit_events', 'fund_movements', 'stock_movements', 'stock_batches', 'voucher_redemptions', 'case_entries']
$$;

CREATE OR REPLACE FUNCTION legami_move_comune_ambito() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'ambito_code' AND table_name <> ALL (legami_ambito_as_written())
  LOOP
    EXECUTE format('UPDATE public.%I SET ambito_code = $1 WHERE comune_code = $2', t.table_name)
      USING NEW.ambito_id, NEW.istat_code;
  END LOOP;
  RETURN NEW;
END
$$;

-- Every base table with a comune that does not carry the column yet. An append-only table's rows
-- are filled once here with its guard triggers off (this migration is their writer, not a rewrite).
DO $$
DECLARE
  t record;
  append_only boolean;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'comune_code' AND tb.table_type = 'BASE TABLE'
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', c.table_name)::regclass
                      AND g.tgname = 'legami_ambito_code')
    ORDER BY c.table_name
  LOOP
    append_only := t.table_name = ANY (legami_ambito_as_written());
    IF append_only THEN
      EXECUTE format('ALTER TABLE public.%I DISABLE TRIGGER USER', t.table_name);
    END IF;
    PERFORM legami_add_ambito_code(format('public.%I', t.table_name)::regclass);
    IF append_only THEN
      EXECUTE format('ALTER TABLE public.%I ENABLE TRIGGER USER', t.table_name);
    END IF;
  END LOOP;
END
$$;
