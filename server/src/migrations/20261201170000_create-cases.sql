-- Case files (cartella sociale): social-work teams, cases, an append-only timeline, assessments, plans with goals and a personal budget, protected discharges, documents and break-glass grants; every table isolated by comune with row-level security.

-- A social-work team (équipe) of a territory, with its members and supervisors.
CREATE TABLE social_teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- The comune where the team sits: RLS shows the team to who works there.
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name)
);

CREATE TABLE social_team_members (
  team_id uuid NOT NULL REFERENCES social_teams(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('member', 'supervisor')),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX social_team_members_user_idx ON social_team_members (user_id);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id),
  household_id uuid REFERENCES households(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  area text NOT NULL CHECK (area IN ('elderly', 'disability', 'minors_family', 'poverty', 'adults')),
  source text NOT NULL CHECK (source IN ('help_request', 'hospital', 'school', 'self', 'other_service')),
  source_request_id uuid REFERENCES help_requests(id),
  reason text NOT NULL,
  responsible_user_id uuid NOT NULL REFERENCES users(id),
  team_id uuid NOT NULL REFERENCES social_teams(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'suspended', 'closed')),
  outcome text,
  opened_on date NOT NULL,
  closed_on date,
  anonymised_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX cases_person_idx ON cases (person_id);
CREATE INDEX cases_team_idx ON cases (team_id, status);
CREATE INDEX cases_responsible_idx ON cases (responsible_user_id, status);
CREATE INDEX cases_comune_idx ON cases (comune_code, area);

-- The timeline: never deleted; a correction is a new entry pointing at the one it corrects.
CREATE TABLE case_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('opened', 'note', 'contact', 'correction', 'status', 'assessment', 'plan', 'budget',
                                     'document', 'discharge', 'break_glass', 'anonymised')),
  summary text NOT NULL,
  body text,
  details jsonb NOT NULL DEFAULT '{}',
  corrects_entry_id uuid REFERENCES case_entries(id),
  author_user_id uuid REFERENCES users(id),
  anonymised boolean NOT NULL DEFAULT false
);
CREATE INDEX case_entries_case_idx ON case_entries (case_id, at);

CREATE TABLE case_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  form_id text NOT NULL,
  form_version integer NOT NULL,
  assessed_on date NOT NULL,
  answers jsonb NOT NULL,
  scores jsonb NOT NULL,
  sina jsonb NOT NULL,
  adl smallint CHECK (adl BETWEEN 0 AND 6),
  iadl smallint CHECK (iadl BETWEEN 0 AND 8),
  assessor_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_assessments_case_idx ON case_assessments (case_id, assessed_on);

CREATE TABLE case_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  kind text NOT NULL CHECK (kind IN ('personalised', 'inclusion_pact', 'home_care', 'discharge')),
  title text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'agreed', 'under_review', 'closed')),
  review_date date,
  review_reminded_on date,
  signed_on date,
  signature_method text CHECK (signature_method IN ('handwritten', 'digital', 'spid', 'oral_with_witness')),
  closed_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_plans_case_idx ON case_plans (case_id);
CREATE INDEX case_plans_review_idx ON case_plans (state, review_date);

CREATE TABLE case_plan_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES case_plans(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  position integer NOT NULL,
  description text NOT NULL,
  indicator text NOT NULL,
  deadline date NOT NULL,
  outcome text CHECK (outcome IN ('achieved', 'partially_achieved', 'not_achieved', 'withdrawn'))
);
CREATE INDEX case_plan_goals_plan_idx ON case_plan_goals (plan_id, position);

CREATE TABLE case_plan_commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES case_plans(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  position integer NOT NULL,
  party text NOT NULL CHECK (party IN ('beneficiary', 'services', 'family', 'third_sector')),
  description text NOT NULL
);
CREATE INDEX case_plan_commitments_plan_idx ON case_plan_commitments (plan_id, position);

-- An intervention points at a catalogue order, a help request or a municipal service by reference.
CREATE TABLE case_plan_interventions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES case_plans(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('catalog_order', 'help_request', 'municipal_service')),
  reference_id uuid,
  description text NOT NULL
);
CREATE INDEX case_plan_interventions_plan_idx ON case_plan_interventions (plan_id, position);

-- A personal budget is a capped line; until the funds ledger's API is linked, its movements are
-- kept here, appended only, and the cap is checked under a lock on this row.
CREATE TABLE case_budgets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL UNIQUE REFERENCES case_plans(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  programme text NOT NULL CHECK (programme IN ('fare_legami', 'pnrr_home_care', 'comune', 'other')),
  cap_cents integer NOT NULL CHECK (cap_cents > 0),
  funds_line_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE case_budget_expenses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  budget_id uuid NOT NULL REFERENCES case_budgets(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  spent_on date NOT NULL,
  supplier text NOT NULL,
  document_ref text NOT NULL,
  intervention_id uuid REFERENCES case_plan_interventions(id),
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  reverses_id uuid REFERENCES case_budget_expenses(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_budget_expenses_budget_idx ON case_budget_expenses (budget_id);

CREATE TABLE case_discharges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  hospital text NOT NULL,
  ward text,
  referral_on date NOT NULL,
  discharge_on date NOT NULL,
  status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
  home_plan_id uuid REFERENCES case_plans(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_discharges_case_idx ON case_discharges (case_id);

CREATE TABLE case_discharge_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  discharge_id uuid NOT NULL REFERENCES case_discharges(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  key text NOT NULL,
  position integer NOT NULL,
  deadline date NOT NULL,
  responsible_user_id uuid REFERENCES users(id),
  completed_on date,
  escalated_on date,
  UNIQUE (discharge_id, key)
);
CREATE INDEX case_discharge_steps_late_idx ON case_discharge_steps (deadline) WHERE completed_on IS NULL;

-- Documents are stored in the database and served only through the access layer.
CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  title text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea,
  uploaded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id);

-- Break the glass: an emergency read by a social worker outside the team, with the reason given.
CREATE TABLE case_access_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  user_id uuid NOT NULL REFERENCES users(id),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX case_access_grants_user_idx ON case_access_grants (user_id, expires_at);

-- Nothing in a case file is deleted by the application; the timeline, expenses and grants are not even updated,
-- except that anonymisation (GDPR art. 17) may clear an entry's text once.
REVOKE DELETE, TRUNCATE ON cases, case_entries, case_assessments, case_plans, case_plan_goals, case_budgets,
  case_budget_expenses, case_discharges, case_discharge_steps, case_documents, case_access_grants FROM legami_app;
REVOKE UPDATE ON case_budget_expenses, case_access_grants FROM legami_app;

CREATE FUNCTION case_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.anonymised AND NOT OLD.anonymised AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id
     AND NEW.at = OLD.at AND NEW.kind = OLD.kind THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case_entries is append-only: a correction is a new entry';
END
$$;
CREATE TRIGGER case_entries_no_rewrite BEFORE UPDATE OR DELETE ON case_entries
  FOR EACH ROW EXECUTE FUNCTION case_entries_append_only();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['social_teams', 'social_team_members', 'cases', 'case_entries', 'case_assessments', 'case_plans',
    'case_plan_goals', 'case_plan_commitments', 'case_plan_interventions', 'case_budgets', 'case_budget_expenses',
    'case_discharges', 'case_discharge_steps', 'case_documents', 'case_access_grants']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code))',
                   t || '_territory', t);
  END LOOP;
END
$$;
