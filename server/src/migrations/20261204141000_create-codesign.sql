-- Co-design procedures with the third sector (issue 13 item 6; art. 55 of the Codice del Terzo Settore; seed 002's third call of the Ambito Cremasco): the call and its criteria, the proposals of registered bodies (their contact person is personal data: row-level security), the scores, and the partnership agreement linked to a project of the funds module. Calls, criteria and agreements are published.
CREATE TABLE codesign_calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  title text NOT NULL UNIQUE CHECK (length(title) BETWEEN 3 AND 300),
  description text NOT NULL,
  budget_cents bigint NOT NULL CHECK (budget_cents > 0),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  fund_project_id uuid REFERENCES fund_projects(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
SELECT legami_add_ambito_code('public.codesign_calls'::regclass);

CREATE TABLE codesign_criteria (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES codesign_calls(id),
  label text NOT NULL,
  max_score integer NOT NULL CHECK (max_score BETWEEN 1 AND 100),
  position integer NOT NULL,
  UNIQUE (call_id, position),
  UNIQUE (call_id, label)
);

CREATE TABLE codesign_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES codesign_calls(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  summary text NOT NULL,
  requested_cents bigint NOT NULL CHECK (requested_cents > 0),
  contact_full_name text NOT NULL,
  contact_email text,
  contact_phone text,
  submitted_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (call_id, organization_id)
);
ALTER TABLE codesign_proposals ENABLE ROW LEVEL SECURITY;
CREATE POLICY codesign_proposals_territory ON codesign_proposals
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
SELECT legami_add_ambito_code('public.codesign_proposals'::regclass);

-- One score per criterion per proposal: the evaluation committee's marks.
CREATE TABLE codesign_scores (
  proposal_id uuid NOT NULL REFERENCES codesign_proposals(id),
  criterion_id uuid NOT NULL REFERENCES codesign_criteria(id),
  score integer NOT NULL CHECK (score >= 0),
  PRIMARY KEY (proposal_id, criterion_id)
);

CREATE TABLE codesign_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL UNIQUE REFERENCES codesign_calls(id),
  proposal_id uuid NOT NULL REFERENCES codesign_proposals(id),
  signed_on date NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on)
);

CREATE TABLE codesign_partners (
  agreement_id uuid NOT NULL REFERENCES codesign_agreements(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  role text NOT NULL CHECK (role IN ('lead', 'partner')),
  fund_line_id uuid REFERENCES fund_lines(id),
  position integer NOT NULL,
  PRIMARY KEY (agreement_id, organization_id)
);
CREATE UNIQUE INDEX codesign_partners_one_lead ON codesign_partners (agreement_id) WHERE role = 'lead';
