-- CremonAiuta (seed 000): intervention types, competence rules, help requests, volunteers, tasks, notification outbox.
CREATE TABLE intervention_types (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]+$'),
  name_it text NOT NULL,
  name_en text NOT NULL,
  description text NOT NULL DEFAULT '',
  requires_car boolean NOT NULL DEFAULT false,
  requires_time_window boolean NOT NULL DEFAULT false,
  -- Covid-positive beneficiaries may only be served by volunteers trained for health risk.
  health_risk boolean NOT NULL DEFAULT false,
  default_service_minutes integer NOT NULL DEFAULT 15 CHECK (default_service_minutes BETWEEN 1 AND 480),
  default_load integer NOT NULL DEFAULT 1 CHECK (default_load BETWEEN 0 AND 100),
  recurring_allowed boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- The operating protocol: intervention type × territory → organisations in priority order.
-- A change retires the current rows and inserts new ones with the next version: history is kept.
CREATE TABLE competence_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_type_id text NOT NULL REFERENCES intervention_types(id),
  scope_type text NOT NULL CHECK (scope_type IN ('all', 'ambito', 'comune')),
  scope_id text,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  priority integer NOT NULL CHECK (priority >= 1),
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  retired_at timestamptz,
  retired_by uuid REFERENCES users(id),
  CHECK ((scope_type = 'all') = (scope_id IS NULL))
);
CREATE UNIQUE INDEX competence_rules_current_idx
  ON competence_rules (intervention_type_id, scope_type, coalesce(scope_id, ''), priority) WHERE retired_at IS NULL;

CREATE TABLE help_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('phone', 'web', 'access_point', 'social_worker')),
  beneficiary_id uuid NOT NULL REFERENCES people(id),
  requester_id uuid REFERENCES people(id),
  requester_name text,
  requester_phone text,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  intervention_type_id text NOT NULL REFERENCES intervention_types(id),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high', 'critical')),
  description text NOT NULL DEFAULT '',
  notes text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected', 'completed', 'cancelled')),
  rejection_reason text,
  organization_id uuid REFERENCES organizations(id),
  routing_override_reason text,
  preferred_date date,
  window_start time,
  window_end time,
  recurrence text NOT NULL DEFAULT 'none' CHECK (recurrence IN ('none', 'weekly')),
  recurrence_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decided_by uuid REFERENCES users(id),
  completed_at timestamptz,
  CHECK (window_start IS NULL OR window_end IS NULL OR window_start < window_end)
);
CREATE INDEX help_requests_comune_idx ON help_requests (comune_code, created_at);
CREATE INDEX help_requests_status_idx ON help_requests (status, created_at);
CREATE INDEX help_requests_beneficiary_idx ON help_requests (beneficiary_id);
CREATE INDEX help_requests_org_idx ON help_requests (organization_id, status);

-- Every step of a request: who, when, what changed.
CREATE TABLE help_request_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES help_requests(id),
  comune_code char(6) NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users(id),
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX help_request_events_request_idx ON help_request_events (request_id, id);

CREATE TABLE volunteers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid UNIQUE REFERENCES users(id),
  organization_id uuid REFERENCES organizations(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  codice_fiscale char(16),
  birth_date date,
  phone text NOT NULL,
  email text,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'approved', 'rejected', 'suspended')),
  has_car boolean NOT NULL DEFAULT false,
  has_licence boolean NOT NULL DEFAULT false,
  languages text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  zones text[] NOT NULL DEFAULT '{}',
  -- Weekly availability: [{ "day": 1..7 (Monday = 1), "from": "09:00", "to": "12:00" }].
  availability jsonb NOT NULL DEFAULT '[]',
  insurance_valid_until date,
  health_training boolean NOT NULL DEFAULT false,
  max_tasks_per_day integer NOT NULL DEFAULT 5 CHECK (max_tasks_per_day BETWEEN 1 AND 50),
  consent_privacy boolean NOT NULL DEFAULT false,
  notes text,
  review_reason text,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volunteers_cf_idx ON volunteers (codice_fiscale) WHERE codice_fiscale IS NOT NULL;
CREATE INDEX volunteers_comune_idx ON volunteers (comune_code, status);
CREATE INDEX volunteers_org_idx ON volunteers (organization_id, status);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES help_requests(id),
  organization_id uuid REFERENCES organizations(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  intervention_type_id text NOT NULL REFERENCES intervention_types(id),
  due_date date NOT NULL,
  window_start time,
  window_end time,
  address text,
  latitude double precision,
  longitude double precision,
  approximate_location boolean NOT NULL DEFAULT false,
  service_minutes integer NOT NULL DEFAULT 15,
  load integer NOT NULL DEFAULT 1,
  requires_car boolean NOT NULL DEFAULT false,
  requires_health_training boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'accepted', 'done', 'failed', 'cancelled')),
  volunteer_id uuid REFERENCES volunteers(id),
  assigned_at timestamptz,
  assigned_by uuid REFERENCES users(id),
  round_position integer,
  outcome_reason text CHECK (outcome_reason IN ('not_home', 'refused', 'unreachable', 'volunteer_unavailable', 'other')),
  outcome_notes text,
  completed_at timestamptz,
  money_advanced_cents integer NOT NULL DEFAULT 0 CHECK (money_advanced_cents >= 0),
  money_reimbursed_cents integer NOT NULL DEFAULT 0 CHECK (money_reimbursed_cents >= 0),
  reimbursed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The invariant behind "never assigned twice": a live assignment always names one volunteer.
  CHECK ((status IN ('assigned', 'accepted', 'done', 'failed')) = (volunteer_id IS NOT NULL) OR status = 'cancelled'),
  CHECK (money_reimbursed_cents <= money_advanced_cents)
);
CREATE INDEX tasks_due_idx ON tasks (due_date, status);
CREATE INDEX tasks_volunteer_idx ON tasks (volunteer_id, due_date);
CREATE INDEX tasks_request_idx ON tasks (request_id);
CREATE INDEX tasks_org_idx ON tasks (organization_id, due_date);

-- Outbox: written in the same transaction as the change it announces; a worker delivers it.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  recipient_email text,
  recipient_phone text,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  sent_at timestamptz,
  channel text
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending';

ALTER TABLE help_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY help_requests_territory ON help_requests
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE help_request_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY help_request_events_territory ON help_request_events
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tasks_territory ON tasks
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE volunteers ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteers_territory ON volunteers
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));

-- The nine interventions of CremonAiuta (seed 000), in the order of the seed.
INSERT INTO intervention_types (id, name_it, name_en, requires_car, requires_time_window, health_risk, default_service_minutes, default_load, recurring_allowed, sort_order) VALUES
  ('groceries_medicines', 'Spesa e farmaci a domicilio per persone e nuclei fragili', 'Groceries and medicines to vulnerable households', true, true, false, 20, 2, true, 1),
  ('home_meals', 'Pasti a domicilio', 'Home meals', true, true, false, 10, 1, true, 2),
  ('tablets_pupils', 'Consegna tablet a minori per la didattica a distanza', 'Tablets to pupils for distance learning', true, false, false, 15, 1, false, 3),
  ('masks_over65', 'Distribuzione mascherine agli over 65', 'Masks to over-65s', false, false, false, 5, 1, false, 4),
  ('food_parcels', 'Consegna pacchi alimentari', 'Food parcels', true, false, false, 10, 3, true, 5),
  ('shopping_vouchers', 'Supporto alla distribuzione dei buoni spesa nei punti dedicati', 'Shopping vouchers at dedicated points', false, true, false, 30, 0, false, 6),
  ('covid_groceries_medicines', 'Spesa e farmaci a domicilio per pazienti Covid-19', 'Groceries and medicines to Covid-19 patients', true, true, true, 20, 2, true, 7),
  ('hospital_transport', 'Trasporto da e per gli ospedali di Cremona e Pavia', 'Transport to and from the hospitals of Cremona and Pavia', true, true, false, 120, 0, false, 8),
  ('donated_food_distribution', 'Distribuzione di generi alimentari donati dalle aziende', 'Distribution of food donated by companies', true, false, false, 15, 3, false, 9);
