-- The report's summaries without a hot row (issue 8 item 6, issue 13 item 8). The triggers of
-- 20261204150000 upserted every intake into its summary cell, keyed by year, comune, type,
-- channel, urgency and outcome: concurrent intakes of one kind (Cremona, phone, food parcels,
-- today) waited for each other's row lock until COMMIT, and all intake went one at a time. Now
-- the triggers append deltas to tables without a key, which writers never wait on; the `_live`
-- views read summary + deltas (exact at any moment), and a job of the queue folds the deltas into
-- the summaries now and then (requests.statistics.ts, foldSummaryDeltas).
-- request_year_people keeps its upsert: its key is (year, person), so only requests of the same
-- person wait for each other. task_year_volunteers likewise, per volunteer.

CREATE TABLE request_year_count_deltas (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  intervention_type_id text NOT NULL,
  channel text NOT NULL,
  urgency text NOT NULL,
  status text NOT NULL,
  requests integer NOT NULL
);

CREATE TABLE request_response_time_deltas (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  bucket integer NOT NULL,
  requests integer NOT NULL,
  seconds double precision NOT NULL
);

-- Every new person of the same comune, age band, sex and household hit one people_reached_counts cell.
CREATE TABLE people_reached_deltas (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  household text NOT NULL,
  people integer NOT NULL
);

-- security_invoker: the reader's row-level security applies to both tables.
CREATE VIEW request_year_counts_live WITH (security_invoker = true) AS
  SELECT year, comune_code, intervention_type_id, channel, urgency, status, requests FROM request_year_counts
  UNION ALL
  SELECT year, comune_code, intervention_type_id, channel, urgency, status, requests FROM request_year_count_deltas;
CREATE VIEW request_response_times_live WITH (security_invoker = true) AS
  SELECT year, comune_code, bucket, requests, seconds FROM request_response_times
  UNION ALL
  SELECT year, comune_code, bucket, requests, seconds FROM request_response_time_deltas;
CREATE VIEW people_reached_counts_live WITH (security_invoker = true) AS
  SELECT year, comune_code, age_band, sex, household, people FROM people_reached_counts
  UNION ALL
  SELECT year, comune_code, age_band, sex, household, people FROM people_reached_deltas;

-- Static trigger bodies. The triggers ran their SQL through EXECUTE, parsed and planned again on
-- every statement: with pgbench, a one-row insert into help_requests took 1.8 ms with them and
-- 0.47 ms without. PL/pgSQL plans static SQL once per session. The transition tables differ by
-- event, so each event gets its own function, expanded here from one body whose %s is the
-- changed rows (legami_changed_rows).
CREATE FUNCTION legami_summary_triggers(target regclass, body text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  op text;
  name text := (SELECT relname FROM pg_class WHERE oid = target);
BEGIN
  FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete']
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_summary_' || op, target);
    EXECUTE format(
      'CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS %L',
      'legami_summarise_' || name || '_' || op,
      format('BEGIN %s; RETURN NULL; END', format(body, legami_changed_rows(upper(op)))));
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      name || '_summary_' || op, upper(op), target,
      CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows'
              WHEN 'delete' THEN 'OLD TABLE AS old_rows'
              ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
      'legami_summarise_' || name || '_' || op);
  END LOOP;
END
$$;

-- A response-time cell changes when a completion moves within its bucket too (same count, other
-- seconds): kept unless both sums are zero. The categories of each person by index (the old body
-- passed them as an array from a subquery: not inlined, a scan of people per intake).
SELECT legami_summary_triggers('help_requests', $body$
  WITH changed AS (%s),
  counts AS (
    INSERT INTO request_year_count_deltas (year, comune_code, intervention_type_id, channel, urgency, status, requests)
    SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int, comune_code, intervention_type_id,
           channel, urgency, status, sum(sign)
    FROM changed GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0),
  times AS (
    INSERT INTO request_response_time_deltas (year, comune_code, bucket, requests, seconds)
    SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int, comune_code,
           legami_response_bucket(extract(epoch FROM completed_at - created_at)),
           sum(sign), sum(sign * extract(epoch FROM completed_at - created_at))
    FROM changed WHERE status = 'completed' AND completed_at IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 OR sum(sign * extract(epoch FROM completed_at - created_at)) <> 0)
  INSERT INTO request_year_people AS s (year, person_id, requests, comune_code, age_band, sex, household)
  SELECT d.year, d.person_id, d.requests, c.comune_code, legami_age_band(d.year, c.birth_date), c.sex, c.household
  FROM (SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int AS year, beneficiary_id AS person_id,
               sum(sign) AS requests
        FROM changed GROUP BY 1, 2 HAVING sum(sign) <> 0) d
  CROSS JOIN LATERAL legami_person_categories(ARRAY[d.person_id]) c
  ORDER BY 1, 2
  ON CONFLICT (year, person_id) DO UPDATE SET requests = s.requests + excluded.requests
$body$);

SELECT legami_summary_triggers('tasks', $body$
  WITH changed AS (%s)
  INSERT INTO task_year_volunteers AS s (year, comune_code, volunteer_id, tasks_done, service_minutes)
  SELECT date_part('year', due_date)::int, comune_code, volunteer_id, sum(sign), sum(sign * service_minutes)
  FROM changed WHERE status = 'done' AND volunteer_id IS NOT NULL
  GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 OR sum(sign * service_minutes) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (year, comune_code, volunteer_id)
  DO UPDATE SET tasks_done = s.tasks_done + excluded.tasks_done, service_minutes = s.service_minutes + excluded.service_minutes
$body$);

-- A person reached counts while at least one request of the year keeps their row alive.
SELECT legami_summary_triggers('request_year_people', $body$
  WITH changed AS (%s)
  INSERT INTO people_reached_deltas (year, comune_code, age_band, sex, household, people)
  SELECT year, comune_code, age_band, sex, household, sum(sign * (requests > 0)::int)
  FROM changed GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign * (requests > 0)::int) <> 0
$body$);

-- A change to people moves the rows of the people changed and of everyone in their households
-- (before and after), whose household size may have changed. Read by index (the OR of the old
-- body, and the categories function called on an array from a subquery, which PostgreSQL
-- cannot inline, read the whole of people on every statement).
SELECT legami_summary_triggers('people', $body$
  WITH changed AS (%s),
  affected AS (
    SELECT id FROM changed
    UNION
    SELECT p.id FROM people p WHERE p.household_id IN (SELECT household_id FROM changed WHERE household_id IS NOT NULL))
  UPDATE request_year_people y
  SET comune_code = c.comune_code, age_band = legami_age_band(y.year, c.birth_date), sex = c.sex, household = c.household
  FROM affected a CROSS JOIN LATERAL legami_person_categories(ARRAY[a.id]) c
  WHERE y.person_id = a.id
    AND (y.comune_code, y.age_band, y.sex, y.household)
        IS DISTINCT FROM (c.comune_code, legami_age_band(y.year, c.birth_date), c.sex, c.household)
$body$);

DROP FUNCTION legami_summarise_help_requests();
DROP FUNCTION legami_summarise_tasks();
DROP FUNCTION legami_summarise_people_reached();
DROP FUNCTION legami_recategorise_people();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['request_year_count_deltas', 'request_response_time_deltas', 'people_reached_deltas']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code))',
                   t || '_territory', t);
    PERFORM legami_add_ambito_code(t::regclass);
  END LOOP;
END
$$;
