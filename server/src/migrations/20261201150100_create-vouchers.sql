-- Vouchers and economic-support programmes (issue 12, seeds 000 and 003): programmes with rules and budget, applications, vouchers redeemed by accredited shops (role esercente), fraud signals.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('cittadino', 'operatore', 'assistente_sociale',
  'welfare_manager', 'coordinatore', 'volontario', 'amministratore', 'fornitore', 'revisore', 'esercente'));

-- A programme: shopping vouchers, the solidarity fund, the rent fund, utility bonuses. Not personal data.
CREATE TABLE support_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('voucher', 'solidarity_fund', 'rent_fund', 'utility_bonus')),
  name text NOT NULL UNIQUE,
  -- The comune that runs it; applicants' residence is in the rule.
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  -- Eligibility and amount formula (see vouchers.rules.ts ProgrammeRule).
  rule jsonb NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  -- Vouchers issued and payments granted, booked under a lock on this row: never above the budget.
  committed_cents bigint NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
  -- Documents an application must carry (ISEE, lease contract…), shown at the desk.
  required_documents text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_from <= valid_until),
  CHECK (committed_cents <= budget_cents)
);

-- Shops accredited to accept vouchers, and the users (role esercente) who work the till for them.
CREATE TABLE voucher_shops (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  vat_number char(11) NOT NULL UNIQUE,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  address text NOT NULL,
  latitude double precision,
  longitude double precision,
  accredited_on date NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE voucher_shop_users (
  shop_id uuid NOT NULL REFERENCES voucher_shops(id),
  user_id uuid NOT NULL UNIQUE REFERENCES users(id),
  PRIMARY KEY (shop_id, user_id)
);

CREATE TABLE programme_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES support_programmes(id),
  person_id uuid NOT NULL REFERENCES people(id),
  household_id uuid REFERENCES households(id),
  -- The household, or the person when the registry has no household: one application each.
  household_key uuid NOT NULL,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  channel text NOT NULL CHECK (channel IN ('online', 'desk')),
  household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
  isee_cents bigint CHECK (isee_cents >= 0),
  documents text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected', 'paid')),
  amount_cents integer CHECK (amount_cents >= 0),
  decision_reason text,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  payment_reference text,
  paid_at timestamptz,
  duplicate_of uuid REFERENCES programme_applications(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('approved', 'paid') OR amount_cents IS NOT NULL),
  CHECK (status <> 'rejected' OR length(trim(decision_reason)) > 0)
);
CREATE INDEX programme_applications_programme_idx ON programme_applications (programme_id, status);
CREATE INDEX programme_applications_household_idx ON programme_applications (programme_id, household_key);
-- At most one granted application per household and programme, whatever races at the desk.
CREATE UNIQUE INDEX programme_applications_granted_idx ON programme_applications (programme_id, household_key)
  WHERE status IN ('approved', 'paid');

CREATE TABLE vouchers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES support_programmes(id),
  application_id uuid NOT NULL UNIQUE REFERENCES programme_applications(id),
  household_key uuid NOT NULL,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  code text NOT NULL UNIQUE,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  -- The invariant behind "spent once": a balance between zero and the amount, moved only under a row lock.
  balance_cents integer NOT NULL CHECK (balance_cents >= 0),
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  issued_by uuid REFERENCES users(id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  CHECK (balance_cents <= amount_cents)
);
CREATE INDEX vouchers_programme_idx ON vouchers (programme_id);

CREATE TABLE voucher_redemptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  voucher_id uuid NOT NULL REFERENCES vouchers(id),
  shop_id uuid NOT NULL REFERENCES voucher_shops(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  balance_after_cents integer NOT NULL CHECK (balance_after_cents >= 0),
  far_from_comune boolean NOT NULL DEFAULT false,
  redeemed_by uuid REFERENCES users(id),
  redeemed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voucher_redemptions_voucher_idx ON voucher_redemptions (voucher_id);
CREATE INDEX voucher_redemptions_shop_idx ON voucher_redemptions (shop_id, redeemed_at);

CREATE TABLE programme_fraud_signals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES support_programmes(id),
  kind text NOT NULL CHECK (kind IN ('duplicate_application', 'far_redemption')),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  application_id uuid REFERENCES programme_applications(id),
  voucher_id uuid REFERENCES vouchers(id),
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_fraud_signals_programme_idx ON programme_fraud_signals (programme_id, created_at);

REVOKE UPDATE, DELETE, TRUNCATE ON voucher_redemptions, programme_fraud_signals FROM legami_app;
CREATE TRIGGER voucher_redemptions_append_only BEFORE UPDATE OR DELETE ON voucher_redemptions
  FOR EACH ROW EXECUTE FUNCTION goods_append_only();

ALTER TABLE programme_applications ENABLE ROW LEVEL SECURITY;
CREATE POLICY programme_applications_territory ON programme_applications
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE vouchers ENABLE ROW LEVEL SECURITY;
CREATE POLICY vouchers_territory ON vouchers
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE voucher_redemptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY voucher_redemptions_territory ON voucher_redemptions
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE programme_fraud_signals ENABLE ROW LEVEL SECURITY;
CREATE POLICY programme_fraud_signals_territory ON programme_fraud_signals
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
