-- A task's history (issue 14, item 15): who assigned it, who accepted or declined it and why,
-- who took it back, who recorded the outcome, who paid the volunteer back. One row per step.
CREATE TABLE task_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES tasks(id),
  comune_code char(6) NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('assigned', 'accepted', 'declined', 'released', 'done', 'failed', 'reimbursed', 'cancelled')),
  -- The volunteer the step concerns (assigned to, declined by, …), kept when the task moves on.
  volunteer_id uuid REFERENCES volunteers(id),
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX task_events_task_idx ON task_events (task_id, id);

ALTER TABLE task_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY task_events_territory ON task_events
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
SELECT legami_add_ambito_code('task_events');

-- Tasks of before this migration: the steps their own columns still tell (who accepted a task,
-- who recorded its outcome, and any decline, were not kept).
INSERT INTO task_events (task_id, comune_code, at, actor_user_id, kind, volunteer_id)
SELECT id, comune_code, assigned_at, assigned_by, 'assigned', volunteer_id FROM tasks WHERE assigned_at IS NOT NULL;
INSERT INTO task_events (task_id, comune_code, at, kind, volunteer_id, details)
SELECT id, comune_code, completed_at, status, volunteer_id,
       jsonb_strip_nulls(jsonb_build_object('outcomeReason', outcome_reason))
FROM tasks WHERE completed_at IS NOT NULL AND status IN ('done', 'failed');
INSERT INTO task_events (task_id, comune_code, at, kind, volunteer_id, details)
SELECT id, comune_code, reimbursed_at, 'reimbursed', volunteer_id, jsonb_build_object('amountCents', money_reimbursed_cents)
FROM tasks WHERE reimbursed_at IS NOT NULL AND money_reimbursed_cents > 0;
