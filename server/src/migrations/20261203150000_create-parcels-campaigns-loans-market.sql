-- Goods, second part (issue 12): food parcels from stock for a household (delivered as a CremonAiuta task or picked up), distribution campaigns over the registry (one per person), equipment on loan, and the social market's points.
ALTER TABLE stock_batches DROP CONSTRAINT stock_batches_kind_check;
ALTER TABLE stock_batches ADD CONSTRAINT stock_batches_kind_check
  CHECK (kind IN ('donation', 'transfer', 'parcel', 'write_off', 'campaign', 'market', 'reversal'));

-- What a parcel holds, by household size. Not personal data.
CREATE TABLE parcel_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  min_household_size integer NOT NULL CHECK (min_household_size >= 1),
  max_household_size integer CHECK (max_household_size >= min_household_size),
  -- [{ "itemId": uuid, "quantity": integer }]
  lines jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE parcels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id),
  household_id uuid REFERENCES households(id),
  -- The household, or the person when the registry has no household.
  household_key uuid NOT NULL,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  point_id uuid NOT NULL REFERENCES distribution_points(id),
  template_id uuid REFERENCES parcel_templates(id),
  batch_id uuid NOT NULL UNIQUE REFERENCES stock_batches(id),
  household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
  assembled_on date NOT NULL,
  -- ISO week ("2026-W49") or month ("2026-12") the parcel counts for.
  period_key text NOT NULL,
  delivery text NOT NULL CHECK (delivery IN ('delivery', 'pickup')),
  -- A delivery becomes a CremonAiuta request with its task (and so enters a round).
  request_id uuid REFERENCES help_requests(id),
  override_reason text,
  picked_up_at timestamptz,
  picked_up_by uuid REFERENCES users(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((delivery = 'delivery') = (request_id IS NOT NULL)),
  CHECK (delivery = 'pickup' OR picked_up_at IS NULL),
  CHECK (override_reason IS NULL OR length(trim(override_reason)) >= 3)
);
CREATE INDEX parcels_household_idx ON parcels (household_key, assembled_on);
-- One parcel per household per period, whatever races at the desk; a second one carries the operator's reason.
CREATE UNIQUE INDEX parcels_one_per_period_idx ON parcels (household_key, period_key) WHERE override_reason IS NULL;

-- A distribution campaign (masks to the over-65s…): who is eligible is a rule over the registry.
CREATE TABLE distribution_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  -- The comune that runs it; the comuni reached are in `comuni`, all within the creator's territory.
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  comuni char(6)[] NOT NULL CHECK (cardinality(comuni) > 0),
  min_age integer CHECK (min_age BETWEEN 0 AND 120),
  item_id uuid REFERENCES goods_items(id),
  quantity_per_person integer NOT NULL DEFAULT 1 CHECK (quantity_per_person > 0),
  starts_on date NOT NULL,
  ends_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE campaign_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id uuid NOT NULL REFERENCES distribution_campaigns(id),
  person_id uuid NOT NULL REFERENCES people(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  channel text NOT NULL CHECK (channel IN ('delivery', 'point')),
  point_id uuid REFERENCES distribution_points(id),
  batch_id uuid REFERENCES stock_batches(id),
  delivered_on date NOT NULL,
  delivered_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One per person per campaign.
  UNIQUE (campaign_id, person_id)
);
CREATE INDEX campaign_deliveries_comune_idx ON campaign_deliveries (campaign_id, comune_code);

-- Equipment lent to households: tablets for pupils, wheelchairs, telecare devices.
CREATE TABLE loan_assets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('tablet', 'wheelchair', 'telecare', 'other')),
  label text NOT NULL,
  serial_number text NOT NULL UNIQUE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  condition text NOT NULL DEFAULT 'good' CHECK (condition IN ('new', 'good', 'worn', 'damaged', 'lost')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE asset_loans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  asset_id uuid NOT NULL REFERENCES loan_assets(id),
  person_id uuid NOT NULL REFERENCES people(id),
  household_id uuid REFERENCES households(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  -- For a pupil: the school that asked for it (with the schools' department).
  school text,
  started_on date NOT NULL,
  due_date date NOT NULL,
  returned_on date,
  return_condition text CHECK (return_condition IN ('new', 'good', 'worn', 'damaged', 'lost')),
  return_notes text,
  last_reminder_on date,
  created_by uuid REFERENCES users(id),
  returned_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (due_date > started_on),
  CHECK ((returned_on IS NULL) = (return_condition IS NULL)),
  CHECK (returned_on IS NULL OR returned_on >= started_on)
);
-- An asset is out to one household at a time.
CREATE UNIQUE INDEX asset_loans_open_idx ON asset_loans (asset_id) WHERE returned_on IS NULL;
CREATE INDEX asset_loans_due_idx ON asset_loans (due_date) WHERE returned_on IS NULL;

-- The social market (emporio solidale): a household's card with points credited monthly by household size.
CREATE TABLE market_till_users (
  point_id uuid NOT NULL REFERENCES distribution_points(id),
  user_id uuid NOT NULL UNIQUE REFERENCES users(id),
  PRIMARY KEY (point_id, user_id)
);

CREATE TABLE market_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  point_id uuid NOT NULL REFERENCES distribution_points(id),
  person_id uuid NOT NULL REFERENCES people(id),
  household_key uuid NOT NULL,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  card_code text NOT NULL UNIQUE,
  household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
  -- The invariant behind "never spent twice": moved only under a lock on this row, never below zero.
  balance_points integer NOT NULL DEFAULT 0 CHECK (balance_points >= 0),
  valid_until date NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (point_id, household_key)
);

CREATE TABLE market_point_movements (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES market_accounts(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  kind text NOT NULL CHECK (kind IN ('credit', 'spend')),
  -- The month a credit is for: one credit per card and month.
  month char(7),
  points integer NOT NULL CHECK (points <> 0),
  balance_after integer NOT NULL CHECK (balance_after >= 0),
  batch_id uuid REFERENCES stock_batches(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'credit') = (month IS NOT NULL)),
  CHECK ((kind = 'credit') = (points > 0))
);
CREATE UNIQUE INDEX market_point_movements_credit_idx ON market_point_movements (account_id, month) WHERE kind = 'credit';
CREATE INDEX market_point_movements_account_idx ON market_point_movements (account_id, id);

REVOKE UPDATE, DELETE, TRUNCATE ON campaign_deliveries, market_point_movements FROM legami_app;
CREATE TRIGGER market_point_movements_append_only BEFORE UPDATE OR DELETE ON market_point_movements
  FOR EACH ROW EXECUTE FUNCTION goods_append_only();
CREATE TRIGGER campaign_deliveries_append_only BEFORE UPDATE OR DELETE ON campaign_deliveries
  FOR EACH ROW EXECUTE FUNCTION goods_append_only();

ALTER TABLE parcels ENABLE ROW LEVEL SECURITY;
CREATE POLICY parcels_territory ON parcels
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE campaign_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaign_deliveries_territory ON campaign_deliveries
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE loan_assets ENABLE ROW LEVEL SECURITY;
CREATE POLICY loan_assets_territory ON loan_assets
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE asset_loans ENABLE ROW LEVEL SECURITY;
CREATE POLICY asset_loans_territory ON asset_loans
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE market_accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY market_accounts_territory ON market_accounts
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE market_point_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY market_point_movements_territory ON market_point_movements
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));

-- The distribution column (README, "Past one machine"); the two append-only ledgers keep the Ambito they were written with.
CREATE OR REPLACE FUNCTION legami_ambito_as_written() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['audit_events', 'fund_movements', 'stock_movements', 'stock_batches', 'voucher_redemptions', 'case_entries',
               'campaign_deliveries', 'market_point_movements']
$$;
SELECT legami_add_ambito_code('public.parcels'::regclass, false);
SELECT legami_add_ambito_code('public.distribution_campaigns'::regclass, false);
SELECT legami_add_ambito_code('public.campaign_deliveries'::regclass, false);
SELECT legami_add_ambito_code('public.loan_assets'::regclass, false);
SELECT legami_add_ambito_code('public.asset_loans'::regclass, false);
SELECT legami_add_ambito_code('public.market_accounts'::regclass, false);
SELECT legami_add_ambito_code('public.market_point_movements'::regclass, false);
