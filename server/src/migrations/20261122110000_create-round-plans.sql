-- Daily round planning: plans computed in the background with their progress, adjusted and published by a coordinator.
CREATE TABLE round_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  plan_date date NOT NULL,
  status text NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'ready', 'failed', 'published', 'superseded')),
  -- The planner's input, kept to re-time rounds after a manual move and to re-plan after a drop-out.
  problem jsonb NOT NULL,
  plan jsonb,
  progress jsonb,
  error text,
  based_on uuid REFERENCES round_plans(id),
  dropped_volunteer_id uuid REFERENCES volunteers(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid REFERENCES users(id)
);
CREATE INDEX round_plans_org_date_idx ON round_plans (organization_id, plan_date);

-- The time a published round expects the volunteer at each stop, for the volunteer's round sheet.
ALTER TABLE tasks ADD COLUMN planned_start time;
