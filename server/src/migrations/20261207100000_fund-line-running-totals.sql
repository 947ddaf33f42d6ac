-- Running totals of each line's ledger, kept by the statements that append its movements and open
-- its child lines (funds.repository): an expense or a commitment is checked and booked by ONE
-- conditional UPDATE of its line, whose row lock serialises concurrent spends on that line (the
-- advisory lock and the re-reading of the line's movements are gone). Movements stay the record:
-- the totals are what funds.rules.lineBalance computes from them, and a property test holds them
-- equal.
--   adjusted_cents  — sum of the line's adjustments (budget = budget_cents + adjusted_cents)
--   spent_cents     — expenses not reversed
--   committed_cents — commitments not reversed, each less what unreversed expenses drew on it (≥ 0)
--   children_cents  — budgets plus adjustments of the lines opened from this one
ALTER TABLE fund_lines
  ADD COLUMN adjusted_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN spent_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN committed_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN children_cents bigint NOT NULL DEFAULT 0;

UPDATE fund_lines l SET
  adjusted_cents = coalesce((SELECT sum(m.amount_cents) FROM fund_movements m
                             WHERE m.line_id = l.id AND m.kind = 'adjustment'), 0),
  spent_cents = coalesce((SELECT sum(m.amount_cents) FROM fund_movements m
                          WHERE m.line_id = l.id AND m.kind = 'expense'
                            AND NOT EXISTS (SELECT 1 FROM fund_movements r WHERE r.reverses_id = m.id)), 0),
  committed_cents = coalesce((
    SELECT sum(greatest(0, c.amount_cents - coalesce((
             SELECT sum(e.amount_cents) FROM fund_movements e
             WHERE e.line_id = c.line_id AND e.commitment_id = c.id AND e.kind = 'expense'
               AND NOT EXISTS (SELECT 1 FROM fund_movements r WHERE r.reverses_id = e.id)), 0)))
    FROM fund_movements c
    WHERE c.line_id = l.id AND c.kind = 'commitment'
      AND NOT EXISTS (SELECT 1 FROM fund_movements r WHERE r.reverses_id = c.id)), 0);

UPDATE fund_lines l SET
  children_cents = coalesce((SELECT sum(c.budget_cents + c.adjusted_cents) FROM fund_lines c
                             WHERE c.parent_line_id = l.id), 0);

-- The ledger's invariant, now checkable on the row: a line never holds more than its budget and cap.
ALTER TABLE fund_lines ADD CONSTRAINT fund_lines_within_limit CHECK (
  spent_cents >= 0 AND committed_cents >= 0 AND children_cents >= 0
  AND spent_cents + committed_cents + children_cents
      <= least(budget_cents + adjusted_cents, coalesce(cap_cents, budget_cents + adjusted_cents))
);
