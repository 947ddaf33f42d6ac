-- Round plans join the territory model: a plan's problem holds beneficiaries' homes and its sheet their names and phones, so each plan carries the comuni of the tasks and volunteers it plans, and row-level security shows it only to an actor whose territory covers every one of them, as for those tasks.
ALTER TABLE round_plans ADD COLUMN comuni text[] NOT NULL DEFAULT '{}';

UPDATE round_plans p SET comuni = coalesce(
  (SELECT array_agg(DISTINCT c ORDER BY c) FROM (
     SELECT t->>'comuneCode' AS c FROM jsonb_array_elements(p.problem->'problem'->'tasks') t
     UNION
     SELECT v.comune_code::text FROM volunteers v
     WHERE v.id::text IN (SELECT w->>'id' FROM jsonb_array_elements(p.problem->'problem'->'volunteers') w)
   ) planned WHERE c IS NOT NULL),
  '{}');

-- True when the transaction's territory (set by the access layer) covers every comune given. An
-- empty list is covered only by the whole installation: a row must name its territory to be seen.
CREATE OR REPLACE FUNCTION legami_covers(comuni text[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('legami.scope_all', true), '') = 'on'
      OR (cardinality(comuni) > 0
          AND comuni <@ string_to_array(coalesce(current_setting('legami.comuni', true), ''), ','))
$$;

ALTER TABLE round_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY round_plans_territory ON round_plans
  USING (legami_covers(comuni)) WITH CHECK (legami_covers(comuni));
