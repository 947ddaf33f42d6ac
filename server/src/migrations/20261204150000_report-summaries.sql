-- Pre-aggregated figures of the annual social report (issue 13, item 8): a province's year is a
-- million help requests, too many to group on every report. Statement-level triggers on
-- help_requests and tasks keep these summaries equal to what grouping the rows would give, in the
-- same transaction as the change, so the report reads a few thousand rows instead.
--
-- Keyed by year, not by day: a day of one comune has a few dozen requests spread over ~860
-- combinations of type × channel × urgency × outcome, so a daily table would hold about one row
-- per request and save nothing. The year is what the report counts by (created_at in Rome).
-- Cells reaching 0 are kept (readers skip them): they are bounded by the combinations.

CREATE TABLE request_year_counts (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  intervention_type_id text NOT NULL,
  channel text NOT NULL,
  urgency text NOT NULL,
  status text NOT NULL,
  requests integer NOT NULL,
  PRIMARY KEY (year, comune_code, intervention_type_id, channel, urgency, status)
);

-- Time from intake to completion of the completed requests, as a histogram: 6-minute buckets
-- (the report's published precision, 0.1 h) under a day, hourly up to a week, daily beyond. Each
-- bucket keeps the sum of its durations, so a percentile reads its bucket's mean: exact when the
-- durations in a bucket are equal, otherwise within the bucket's width (one published step under
-- a day). Exact percentiles would need every duration, i.e. the table itself.
CREATE FUNCTION legami_response_bucket(seconds double precision) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN seconds < 86400 THEN floor(greatest(seconds, 0) / 360)::int
    WHEN seconds < 7 * 86400 THEN 240 + floor((seconds - 86400) / 3600)::int
    ELSE 384 + floor((seconds - 7 * 86400) / 86400)::int END
$$;

CREATE TABLE request_response_times (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  bucket integer NOT NULL,
  requests integer NOT NULL,
  seconds double precision NOT NULL,
  PRIMARY KEY (year, comune_code, bucket)
);

-- People reached are counted once a year however many requests they made, in the comune where
-- they live, by age band (on 31 December), sex and household. One row per person and year, with
-- how many requests keep it alive and the person's categories (kept current by a trigger on
-- people: a move, a corrected birth date, a household that grows), and the counts of those rows.
CREATE FUNCTION legami_age_band(year integer, birth_date date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN date_part('year', age(make_date(year, 12, 31), birth_date)) < 18 THEN '0-17'
    WHEN date_part('year', age(make_date(year, 12, 31), birth_date)) < 65 THEN '18-64'
    WHEN date_part('year', age(make_date(year, 12, 31), birth_date)) < 75 THEN '65-74'
    WHEN date_part('year', age(make_date(year, 12, 31), birth_date)) < 85 THEN '75-84'
    ELSE '85+' END
$$;

-- The categories of some people (their household's size counted now).
CREATE FUNCTION legami_person_categories(ids uuid[])
RETURNS TABLE (person_id uuid, comune_code char(6), birth_date date, sex text, household text)
LANGUAGE sql STABLE AS $$
  SELECT p.id, p.comune_code, p.birth_date, p.sex::text,
         CASE WHEN p.lives_alone THEN 'alone'
              WHEN p.household_id IS NULL THEN 'not_recorded'
              WHEN (SELECT count(*) FROM people m WHERE m.household_id = p.household_id) = 1 THEN 'alone'
              WHEN (SELECT count(*) FROM people m WHERE m.household_id = p.household_id) = 2 THEN 'two'
              ELSE 'three_plus' END
  FROM people p WHERE p.id = ANY (ids)
$$;

CREATE TABLE request_year_people (
  year integer NOT NULL,
  person_id uuid NOT NULL,
  requests integer NOT NULL,
  comune_code char(6) NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  household text NOT NULL,
  PRIMARY KEY (year, person_id)
);
CREATE INDEX request_year_people_person_idx ON request_year_people (person_id);

CREATE TABLE people_reached_counts (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  household text NOT NULL,
  people integer NOT NULL,
  PRIMARY KEY (year, comune_code, age_band, sex, household)
);

-- Tasks done per year (of the due date), comune and volunteer: active volunteers and hours.
CREATE TABLE task_year_volunteers (
  year integer NOT NULL,
  comune_code char(6) NOT NULL,
  volunteer_id uuid NOT NULL,
  tasks_done integer NOT NULL,
  service_minutes bigint NOT NULL,
  PRIMARY KEY (year, comune_code, volunteer_id)
);

-- The rows a statement changed, each with +1 (now there) or -1 (there before): the transition
-- tables of the trigger's event. Executed dynamically, so one body serves insert, update, delete.
CREATE FUNCTION legami_changed_rows(op text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, n.* FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o'
    ELSE 'SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1 AS sign, o.* FROM old_rows o' END
$$;

-- SECURITY DEFINER: a summary cell sums every writer's rows, so it is kept whatever the writer's
-- territory (the summaries hold counts; reads of them go through row-level security).
CREATE FUNCTION legami_summarise_help_requests() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  EXECUTE format($q$
    WITH changed AS (%s),
    counts AS (
      INSERT INTO request_year_counts AS s (year, comune_code, intervention_type_id, channel, urgency, status, requests)
      SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int, comune_code, intervention_type_id,
             channel, urgency, status, sum(sign)
      FROM changed GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (year, comune_code, intervention_type_id, channel, urgency, status)
      DO UPDATE SET requests = s.requests + excluded.requests),
    times AS (
      INSERT INTO request_response_times AS s (year, comune_code, bucket, requests, seconds)
      SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int, comune_code,
             legami_response_bucket(extract(epoch FROM completed_at - created_at)),
             sum(sign), sum(sign * extract(epoch FROM completed_at - created_at))
      FROM changed WHERE status = 'completed' AND completed_at IS NOT NULL
      GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (year, comune_code, bucket)
      DO UPDATE SET requests = s.requests + excluded.requests, seconds = s.seconds + excluded.seconds)
    INSERT INTO request_year_people AS s (year, person_id, requests, comune_code, age_band, sex, household)
    SELECT d.year, d.person_id, d.requests, c.comune_code, legami_age_band(d.year, c.birth_date), c.sex, c.household
    FROM (SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int AS year, beneficiary_id AS person_id,
                 sum(sign) AS requests
          FROM changed GROUP BY 1, 2 HAVING sum(sign) <> 0) d
    JOIN legami_person_categories((SELECT array_agg(DISTINCT beneficiary_id) FROM changed)) c ON c.person_id = d.person_id
    ORDER BY 1, 2
    ON CONFLICT (year, person_id) DO UPDATE SET requests = s.requests + excluded.requests
  $q$, legami_changed_rows(TG_OP));
  RETURN NULL;
END
$$;

CREATE FUNCTION legami_summarise_tasks() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  EXECUTE format($q$
    WITH changed AS (%s)
    INSERT INTO task_year_volunteers AS s (year, comune_code, volunteer_id, tasks_done, service_minutes)
    SELECT date_part('year', due_date)::int, comune_code, volunteer_id, sum(sign), sum(sign * service_minutes)
    FROM changed WHERE status = 'done' AND volunteer_id IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 OR sum(sign * service_minutes) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (year, comune_code, volunteer_id)
    DO UPDATE SET tasks_done = s.tasks_done + excluded.tasks_done, service_minutes = s.service_minutes + excluded.service_minutes
  $q$, legami_changed_rows(TG_OP));
  RETURN NULL;
END
$$;

-- A person reached counts while at least one request of the year keeps their row alive.
CREATE FUNCTION legami_summarise_people_reached() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  EXECUTE format($q$
    WITH changed AS (%s)
    INSERT INTO people_reached_counts AS s (year, comune_code, age_band, sex, household, people)
    SELECT year, comune_code, age_band, sex, household, sum(sign * (requests > 0)::int)
    FROM changed GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign * (requests > 0)::int) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (year, comune_code, age_band, sex, household) DO UPDATE SET people = s.people + excluded.people
  $q$, legami_changed_rows(TG_OP));
  RETURN NULL;
END
$$;

-- A change to people moves the rows of the people changed and of everyone in their households
-- (before and after), whose household size may have changed.
CREATE FUNCTION legami_recategorise_people() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  EXECUTE format($q$
    WITH changed AS (%s),
    affected AS (
      SELECT array_agg(DISTINCT p.id) AS ids FROM people p
      WHERE (p.id IN (SELECT id FROM changed)
             OR p.household_id IN (SELECT household_id FROM changed WHERE household_id IS NOT NULL))
        AND EXISTS (SELECT 1 FROM request_year_people y WHERE y.person_id = p.id))
    UPDATE request_year_people y
    SET comune_code = c.comune_code, age_band = legami_age_band(y.year, c.birth_date), sex = c.sex, household = c.household
    FROM legami_person_categories((SELECT ids FROM affected)) c
    WHERE y.person_id = c.person_id
      AND (y.comune_code, y.age_band, y.sex, y.household)
          IS DISTINCT FROM (c.comune_code, legami_age_band(y.year, c.birth_date), c.sex, c.household)
  $q$, legami_changed_rows(TG_OP));
  RETURN NULL;
END
$$;

CREATE TRIGGER help_requests_summary_insert AFTER INSERT ON help_requests
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_help_requests();
CREATE TRIGGER help_requests_summary_update AFTER UPDATE ON help_requests
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_help_requests();
CREATE TRIGGER help_requests_summary_delete AFTER DELETE ON help_requests
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_help_requests();
CREATE TRIGGER tasks_summary_insert AFTER INSERT ON tasks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_tasks();
CREATE TRIGGER tasks_summary_update AFTER UPDATE ON tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_tasks();
CREATE TRIGGER tasks_summary_delete AFTER DELETE ON tasks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_tasks();
CREATE TRIGGER request_year_people_summary_insert AFTER INSERT ON request_year_people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_people_reached();
CREATE TRIGGER request_year_people_summary_update AFTER UPDATE ON request_year_people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_people_reached();
CREATE TRIGGER request_year_people_summary_delete AFTER DELETE ON request_year_people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_summarise_people_reached();
CREATE TRIGGER people_summary_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_recategorise_people();
CREATE TRIGGER people_summary_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_recategorise_people();
CREATE TRIGGER people_summary_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legami_recategorise_people();

-- The rows already there.
INSERT INTO request_year_counts (year, comune_code, intervention_type_id, channel, urgency, status, requests)
SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int, comune_code, intervention_type_id, channel,
       urgency, status, count(*)
FROM help_requests GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO request_response_times (year, comune_code, bucket, requests, seconds)
SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int, comune_code,
       legami_response_bucket(extract(epoch FROM completed_at - created_at)), count(*),
       sum(extract(epoch FROM completed_at - created_at))
FROM help_requests WHERE status = 'completed' AND completed_at IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO request_year_people (year, person_id, requests, comune_code, age_band, sex, household)
SELECT d.year, d.person_id, d.requests, c.comune_code, legami_age_band(d.year, c.birth_date), c.sex, c.household
FROM (SELECT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int AS year, beneficiary_id AS person_id,
             count(*) AS requests
      FROM help_requests GROUP BY 1, 2) d
JOIN legami_person_categories((SELECT array_agg(DISTINCT beneficiary_id) FROM help_requests)) c ON c.person_id = d.person_id;
INSERT INTO task_year_volunteers (year, comune_code, volunteer_id, tasks_done, service_minutes)
SELECT date_part('year', due_date)::int, comune_code, volunteer_id, count(*), sum(service_minutes)
FROM tasks WHERE status = 'done' AND volunteer_id IS NOT NULL GROUP BY 1, 2, 3;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['request_year_counts', 'request_response_times', 'request_year_people', 'people_reached_counts',
                         'task_year_volunteers']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code))',
                   t || '_territory', t);
    PERFORM legami_add_ambito_code(t::regclass);
  END LOOP;
END
$$;
