-- Funds (issue 9): sources, projects with partners and actions, budget lines, an append-only ledger, allocations, campaigns and donors.
CREATE TABLE fund_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('pnrr', 'foundation', 'comune', 'region', 'national', 'donations', 'other')),
  -- e.g. the PNRR mission / component / investment.
  reference text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fund_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  start_year integer NOT NULL,
  end_year integer NOT NULL,
  source_id uuid REFERENCES fund_sources(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_year >= start_year)
);

-- Budget periods as the project's plan defines them (Fare Legami: "year 1", "years 2–3").
CREATE TABLE fund_periods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES fund_projects(id),
  label text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  position integer NOT NULL DEFAULT 0,
  UNIQUE (project_id, label),
  CHECK (ends_on >= starts_on)
);

-- Partners hold budget; adherents take part without budget. At most one lead per project.
CREATE TABLE fund_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES fund_projects(id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('lead', 'partner', 'adherent')),
  organization_id uuid REFERENCES organizations(id),
  note text,
  position integer NOT NULL DEFAULT 0,
  UNIQUE (project_id, name)
);
CREATE UNIQUE INDEX fund_partners_one_lead ON fund_partners (project_id) WHERE role = 'lead';

CREATE TABLE fund_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES fund_projects(id),
  code text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('personal_budget', 'community_lab', 'company_pact', 'civic_centre', 'training', 'fundraising', 'home_care', 'other')),
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'late', 'completed', 'suspended')),
  status_note text,
  implementing_partner_id uuid REFERENCES fund_partners(id),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (project_id, code)
);

CREATE TABLE fund_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL REFERENCES fund_actions(id),
  label text NOT NULL,
  target_value integer,
  actual_value integer NOT NULL DEFAULT 0,
  unit text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0
);

-- Caps by kind of action, configurable per project (programme).
CREATE TABLE fund_caps (
  project_id uuid NOT NULL REFERENCES fund_projects(id),
  action_kind text NOT NULL,
  cap_cents bigint NOT NULL CHECK (cap_cents >= 0),
  PRIMARY KEY (project_id, action_kind)
);

CREATE TABLE fund_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  total_cents bigint NOT NULL CHECK (total_cents >= 0),
  territory_type text NOT NULL CHECK (territory_type IN ('ambito', 'comuni')),
  territory_id text,
  method text NOT NULL CHECK (method IN ('population', 'over65', 'equal', 'custom')),
  source_id uuid REFERENCES fund_sources(id),
  source_type text NOT NULL CHECK (source_type IN ('contribution', 'cofinancing', 'donations')),
  project_id uuid REFERENCES fund_projects(id),
  action_id uuid REFERENCES fund_actions(id),
  period_id uuid REFERENCES fund_periods(id),
  -- A re-allocation of what the comuni of an earlier allocation had not spent by a date.
  reallocates_id uuid REFERENCES fund_allocations(id),
  unspent_as_of date,
  -- First level (sub-ambiti) as computed: [{ id, weight, amountCents }].
  groups jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A budget line: project × action × partner × period × source type, or an allocation's share for a comune,
-- or a capped line opened from another (a beneficiary's personal budget). Money data, not personal:
-- beneficiary_ref is an opaque id owned by the case-file module.
CREATE TABLE fund_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label text NOT NULL,
  project_id uuid REFERENCES fund_projects(id),
  action_id uuid REFERENCES fund_actions(id),
  partner_id uuid REFERENCES fund_partners(id),
  period_id uuid REFERENCES fund_periods(id),
  source_id uuid REFERENCES fund_sources(id),
  source_type text NOT NULL CHECK (source_type IN ('contribution', 'cofinancing', 'donations')),
  allocation_id uuid REFERENCES fund_allocations(id),
  comune_code char(6) REFERENCES comuni(istat_code),
  sub_ambito_id uuid REFERENCES sub_ambiti(id),
  parent_line_id uuid REFERENCES fund_lines(id),
  beneficiary_ref text,
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  cap_cents bigint CHECK (cap_cents >= 0),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_lines_project_idx ON fund_lines (project_id);
CREATE INDEX fund_lines_allocation_idx ON fund_lines (allocation_id);
CREATE INDEX fund_lines_parent_idx ON fund_lines (parent_line_id);
CREATE INDEX fund_lines_comune_idx ON fund_lines (comune_code);

CREATE TABLE fund_allocation_shares (
  allocation_id uuid NOT NULL REFERENCES fund_allocations(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  sub_ambito_id uuid REFERENCES sub_ambiti(id),
  weight bigint NOT NULL CHECK (weight >= 0),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  line_id uuid NOT NULL REFERENCES fund_lines(id),
  PRIMARY KEY (allocation_id, comune_code)
);

-- The ledger: movements are appended, never updated or deleted; a reversal is a new movement.
CREATE TABLE fund_movements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  line_id uuid NOT NULL REFERENCES fund_lines(id),
  kind text NOT NULL CHECK (kind IN ('commitment', 'expense', 'reversal', 'adjustment')),
  amount_cents bigint NOT NULL,
  occurred_on date NOT NULL,
  supplier text,
  document text,
  description text,
  reverses_id uuid UNIQUE REFERENCES fund_movements(id),
  commitment_id uuid REFERENCES fund_movements(id),
  -- Copied from the line so row-level security needs no join.
  comune_code char(6) REFERENCES comuni(istat_code),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'adjustment' OR amount_cents > 0),
  CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL))
);
CREATE INDEX fund_movements_line_idx ON fund_movements (line_id, occurred_on);

REVOKE UPDATE, DELETE, TRUNCATE ON fund_movements FROM legami_app;
CREATE FUNCTION fund_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'fund_movements is append-only: reverse a movement instead';
END
$$;
CREATE TRIGGER fund_movements_no_update BEFORE UPDATE OR DELETE ON fund_movements
  FOR EACH ROW EXECUTE FUNCTION fund_movements_append_only();

-- Lines and movements of a comune are seen only within its territory; project-wide ones (no comune) by every reader of funds.
ALTER TABLE fund_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_lines_territory ON fund_lines
  USING (comune_code IS NULL OR legami_in_scope(comune_code))
  WITH CHECK (comune_code IS NULL OR legami_in_scope(comune_code));
ALTER TABLE fund_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_movements_territory ON fund_movements
  USING (comune_code IS NULL OR legami_in_scope(comune_code))
  WITH CHECK (comune_code IS NULL OR legami_in_scope(comune_code));
ALTER TABLE fund_allocation_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_allocation_shares_territory ON fund_allocation_shares
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));

CREATE TABLE fund_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL UNIQUE,
  iban char(27),
  holder text,
  starts_on date NOT NULL,
  ends_on date,
  target_cents bigint CHECK (target_cents >= 0),
  project_id uuid REFERENCES fund_projects(id),
  -- The donations line the campaign feeds.
  line_id uuid REFERENCES fund_lines(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Donors are personal data: a comune, row-level security and audited access.
CREATE TABLE fund_donors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'company')),
  name text NOT NULL,
  tax_code text,
  email text,
  phone text,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  consent_contact boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_donors_comune_idx ON fund_donors (comune_code);

CREATE TABLE fund_donations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES fund_campaigns(id),
  -- Null: an anonymous gift (cash at a stall), counted as one donor.
  donor_id uuid REFERENCES fund_donors(id),
  channel text NOT NULL CHECK (channel IN ('bank_transfer', 'cash', 'online')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  received_on date NOT NULL,
  bank_reference text,
  reconciled_at timestamptz,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_donations_campaign_idx ON fund_donations (campaign_id);

ALTER TABLE fund_donors ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_donors_territory ON fund_donors
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE fund_donations ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_donations_territory ON fund_donations
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
