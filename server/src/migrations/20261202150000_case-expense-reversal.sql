-- A personal-budget expense is corrected by a reversal, never deleted: each expense remembers its movement on the funds ledger (so the reversal reverses that movement too), and an expense is reversed at most once, even by concurrent requests.
ALTER TABLE case_budget_expenses ADD COLUMN funds_movement_id uuid REFERENCES fund_movements(id);
CREATE UNIQUE INDEX case_budget_expenses_reversed_once ON case_budget_expenses (reverses_id) WHERE reverses_id IS NOT NULL;
