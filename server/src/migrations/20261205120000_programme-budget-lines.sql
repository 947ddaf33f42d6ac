-- A programme's budget is a line of the funds ledger (issue 12 items 6 and 7): each voucher issued is a
-- commitment on it and each support payment an expense, under the line's advisory lock like every
-- writer of the ledger. Programmes created before this migration keep their committed total on the row.
ALTER TABLE support_programmes ADD COLUMN fund_line_id uuid UNIQUE REFERENCES fund_lines(id);
