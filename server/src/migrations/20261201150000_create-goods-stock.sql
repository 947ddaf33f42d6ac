-- Goods (issue 12, seed 000): items, distribution points, donors, lots with expiry, and an append-only ledger of stock movements.
CREATE TABLE goods_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  category text NOT NULL CHECK (category IN ('food', 'hygiene', 'ppe', 'equipment', 'other')),
  unit text NOT NULL CHECK (unit IN ('pz', 'kg', 'l', 'conf')),
  -- Food and the like: each lot must carry an expiry date.
  perishable boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Distribution points, warehouses and social markets, each run by an organisation in a comune.
CREATE TABLE distribution_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('point', 'warehouse', 'social_market')),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  address text NOT NULL,
  latitude double precision,
  longitude double precision,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX distribution_points_comune_idx ON distribution_points (comune_code);

-- Donors of goods: companies (with partita IVA) and collection drives. Not natural persons.
CREATE TABLE goods_donors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('company', 'drive')),
  name text NOT NULL,
  vat_number char(11) UNIQUE,
  comune_code char(6) REFERENCES comuni(istat_code),
  address text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'company' OR vat_number IS NOT NULL)
);

CREATE TABLE stock_lots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES goods_items(id),
  lot_code text,
  expiry_date date,
  received_on date NOT NULL,
  donor_id uuid REFERENCES goods_donors(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_lots_item_idx ON stock_lots (item_id, expiry_date);

-- One operation on stock (a donation, a transfer, a parcel, a write-off, a reversal of one of these).
CREATE TABLE stock_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('donation', 'transfer', 'parcel', 'write_off', 'campaign', 'reversal')),
  point_id uuid NOT NULL REFERENCES distribution_points(id),
  to_point_id uuid REFERENCES distribution_points(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  donor_id uuid REFERENCES goods_donors(id),
  occurred_on date NOT NULL,
  reason text,
  -- A batch is reversed at most once, by a new batch; nothing is ever edited.
  reverses_batch_id uuid UNIQUE REFERENCES stock_batches(id),
  -- Donation receipts are numbered in one sequence, never reused.
  receipt_number integer,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'transfer') = (to_point_id IS NOT NULL)),
  CHECK ((kind = 'donation') = (donor_id IS NOT NULL) OR kind = 'reversal'),
  CHECK ((kind = 'reversal') = (reverses_batch_id IS NOT NULL)),
  CHECK (kind NOT IN ('write_off', 'reversal') OR length(trim(reason)) > 0)
);
CREATE INDEX stock_batches_point_idx ON stock_batches (point_id, occurred_on);
CREATE INDEX stock_batches_donor_idx ON stock_batches (donor_id, occurred_on);
CREATE SEQUENCE goods_receipt_seq;
CREATE UNIQUE INDEX stock_batches_receipt_idx ON stock_batches (receipt_number) WHERE receipt_number IS NOT NULL;

-- The ledger: signed quantities, appended only.
CREATE TABLE stock_movements (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES stock_batches(id),
  point_id uuid NOT NULL REFERENCES distribution_points(id),
  lot_id uuid NOT NULL REFERENCES stock_lots(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  quantity integer NOT NULL CHECK (quantity <> 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_batch_idx ON stock_movements (batch_id);
CREATE INDEX stock_movements_point_idx ON stock_movements (point_id, lot_id);

-- What is on the shelf: the sum of the ledger per point and lot, kept in the same transaction as
-- each movement. The CHECK is the backstop of "stock never negative"; withdrawals also lock.
CREATE TABLE stock_balances (
  point_id uuid NOT NULL REFERENCES distribution_points(id),
  lot_id uuid NOT NULL REFERENCES stock_lots(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  quantity integer NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (point_id, lot_id)
);

REVOKE UPDATE, DELETE, TRUNCATE ON stock_movements, stock_batches FROM legami_app;
CREATE FUNCTION goods_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: reverse, never edit', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION goods_append_only();
CREATE TRIGGER stock_batches_append_only BEFORE UPDATE OR DELETE ON stock_batches
  FOR EACH ROW EXECUTE FUNCTION goods_append_only();

ALTER TABLE distribution_points ENABLE ROW LEVEL SECURITY;
CREATE POLICY distribution_points_territory ON distribution_points
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE stock_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_batches_territory ON stock_batches
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE stock_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_movements_territory ON stock_movements
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE stock_balances ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_balances_territory ON stock_balances
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
