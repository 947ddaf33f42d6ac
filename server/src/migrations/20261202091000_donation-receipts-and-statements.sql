-- Donations: receipts with a number of their own, and the campaign's bank statements, line by line, reconciled against the donations recorded by hand.

-- A receipt number is given once, the first time a receipt is issued, from one sequence.
CREATE SEQUENCE fund_receipt_seq;
GRANT USAGE, SELECT ON SEQUENCE fund_receipt_seq TO legami_app;
ALTER TABLE fund_donations
  ADD COLUMN receipt_number integer UNIQUE,
  ADD COLUMN receipt_issued_on date,
  ADD COLUMN recorded_by uuid REFERENCES users(id),
  ADD COLUMN note text;

-- Each credit of an imported statement, once: `line_key` identifies it across re-imports of the same
-- or of overlapping statements. A line is matched to at most one donation and a donation to one line.
CREATE TABLE fund_bank_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES fund_campaigns(id),
  line_key text NOT NULL,
  booked_on date NOT NULL,
  value_on date,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  description text NOT NULL,
  donation_id uuid UNIQUE REFERENCES fund_donations(id),
  matched_by uuid REFERENCES users(id),
  matched_at timestamptz,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  imported_by uuid REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, line_key),
  CHECK ((donation_id IS NULL) = (matched_at IS NULL))
);
CREATE INDEX fund_bank_lines_open_idx ON fund_bank_lines (campaign_id, booked_on) WHERE donation_id IS NULL;

-- A statement's descriptions name the donors: personal data, seen within the campaign's territory.
ALTER TABLE fund_bank_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_bank_lines_territory ON fund_bank_lines
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
SELECT legami_add_ambito_code('fund_bank_lines');
