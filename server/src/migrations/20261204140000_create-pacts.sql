-- Civic collaboration pacts (issue 13 item 5; seed 003, Cremona's rules for the care of the commons): the register of the commons, proposals by citizens or groups (personal data: row-level security), the pacts with their parties and duties, and the care done. The commons, the pacts, their parties' public side and the care done are published.
CREATE TABLE commons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  kind text NOT NULL CHECK (kind IN ('garden', 'park', 'square', 'school_courtyard', 'building', 'street', 'other')),
  place text NOT NULL CHECK (length(place) BETWEEN 3 AND 200),
  latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (comune_code, name)
);
SELECT legami_add_ambito_code('public.commons'::regclass);

CREATE TABLE pact_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  commons_id uuid REFERENCES commons(id),
  -- A commons not yet in the register, named by the proposer.
  commons_name text,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  description text NOT NULL CHECK (length(description) BETWEEN 10 AND 4000),
  proposer_kind text NOT NULL CHECK (proposer_kind IN ('citizen', 'group')),
  group_name text,
  proposer_full_name text NOT NULL,
  proposer_email text,
  proposer_phone text,
  -- The citizen's account when proposed online; null when the office registered it.
  submitted_by uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'rejected')),
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (commons_id IS NOT NULL OR commons_name IS NOT NULL),
  CHECK (proposer_kind = 'citizen' OR group_name IS NOT NULL)
);
ALTER TABLE pact_proposals ENABLE ROW LEVEL SECURITY;
CREATE POLICY pact_proposals_territory ON pact_proposals
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
SELECT legami_add_ambito_code('public.pact_proposals'::regclass);

CREATE TABLE pacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  commons_id uuid NOT NULL REFERENCES commons(id),
  proposal_id uuid REFERENCES pact_proposals(id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  purpose text NOT NULL,
  comune_support text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  renewal text NOT NULL CHECK (renewal IN ('none', 'on_request')),
  renewed_from_id uuid UNIQUE REFERENCES pacts(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on)
);
CREATE INDEX pacts_comune_idx ON pacts (comune_code, ends_on);
SELECT legami_add_ambito_code('public.pacts'::regclass);

-- A party's public side: the Comune, a group or an organisation by name, a citizen without one.
CREATE TABLE pact_parties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pact_id uuid NOT NULL REFERENCES pacts(id),
  kind text NOT NULL CHECK (kind IN ('comune', 'citizen', 'group', 'organization')),
  public_name text,
  organization_id uuid REFERENCES organizations(id),
  duties text NOT NULL,
  position integer NOT NULL,
  UNIQUE (pact_id, position),
  CHECK (kind = 'citizen' OR public_name IS NOT NULL)
);

-- Who signs for a citizen or a group and how to reach them: personal data.
CREATE TABLE pact_party_contacts (
  party_id uuid PRIMARY KEY REFERENCES pact_parties(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  contact_full_name text NOT NULL,
  contact_email text,
  contact_phone text
);
ALTER TABLE pact_party_contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY pact_party_contacts_territory ON pact_party_contacts
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
SELECT legami_add_ambito_code('public.pact_party_contacts'::regclass);

-- The care done under a pact, as the parties report it (no names).
CREATE TABLE pact_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pact_id uuid NOT NULL REFERENCES pacts(id),
  occurred_on date NOT NULL,
  description text NOT NULL,
  participants integer NOT NULL CHECK (participants BETWEEN 1 AND 1000),
  hours numeric(8, 1) NOT NULL CHECK (hours > 0 AND hours <= 10000),
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pact_activities_pact_idx ON pact_activities (pact_id, occurred_on);
