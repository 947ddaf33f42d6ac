-- Service catalogue (seed 001, WelfareXCremona): taxonomy, providers, moderated services, tariff rules, ISEE declarations, access points, orders and pagoPA-shaped payment notices.

-- The taxonomy the catalogue's categories come from (HSDS 3.0 taxonomy / taxonomy_term).
CREATE TABLE catalog_taxonomies (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL,
  uri text,
  version text NOT NULL
);

CREATE TABLE catalog_taxonomy_terms (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]+$'),
  taxonomy_id text NOT NULL REFERENCES catalog_taxonomies(id),
  parent_id text REFERENCES catalog_taxonomy_terms(id),
  name_it text NOT NULL,
  name_en text NOT NULL,
  description text NOT NULL,
  -- Words citizens use for it ("badante" for home care), added to every service's search text.
  keywords text NOT NULL DEFAULT '',
  sort_order integer NOT NULL DEFAULT 0
);

INSERT INTO catalog_taxonomies (id, name, description, uri, version) VALUES
  ('legami-welfare', 'Servizi di welfare territoriale',
   'Categorie dei servizi del catalogo WelfareXCremona (seed 001): servizi della cooperazione sociale a prezzi calmierati e servizi comunali.',
   'https://legami.example.org/taxonomy/legami-welfare', '1');

INSERT INTO catalog_taxonomy_terms (id, taxonomy_id, parent_id, name_it, name_en, description, keywords, sort_order) VALUES
  ('sanita_territoriale', 'legami-welfare', NULL, 'Sanità territoriale', 'Community health', 'Prestazioni sanitarie e infermieristiche sul territorio e a domicilio.', 'infermiere infermieristica prelievi fisioterapia medicazioni salute', 10),
  ('didattica_distanza', 'legami-welfare', NULL, 'Didattica a distanza', 'Distance learning', 'Supporto a studenti e famiglie nella didattica a distanza: dispositivi, connessione, tutoraggio.', 'dad tablet computer compiti scuola studenti tutor', 20),
  ('assistenza_domiciliare', 'legami-welfare', NULL, 'Assistenza domiciliare', 'Home care', 'Aiuto alla persona e cura della casa per chi non è autosufficiente.', 'badante assistente familiare sad igiene personale cura della persona', 30),
  ('pasti_domicilio', 'legami-welfare', NULL, 'Pasti a domicilio', 'Home meals', 'Preparazione e consegna di pasti a domicilio.', 'pasto pranzo cena consegna mensa', 40),
  ('facchinaggio', 'legami-welfare', NULL, 'Facchinaggio e traslochi', 'Moving and removals', 'Traslochi, sgomberi, trasporto di mobili e piccoli carichi.', 'trasloco sgombero mobili trasporto cose', 50),
  ('sanificazioni', 'legami-welfare', NULL, 'Sanificazioni e pulizie', 'Sanitisation and cleaning', 'Sanificazione e pulizia di abitazioni e ambienti.', 'pulizia pulizie igienizzazione disinfezione', 60),
  ('mediazione_familiare', 'legami-welfare', NULL, 'Mediazione familiare', 'Family mediation', 'Percorsi di mediazione per coppie e famiglie in conflitto o separazione.', 'separazione conflitto coppia genitori', 70),
  ('segretariato_sociale', 'legami-welfare', NULL, 'Segretariato sociale', 'Social secretariat', 'Informazione, orientamento e accompagnamento ai servizi e alle pratiche.', 'orientamento informazioni pratiche sportello domande bonus', 80),
  ('servizi_bambini', 'legami-welfare', NULL, 'Servizi per bambini', 'Services for children', 'Servizi educativi e di cura per bambini e ragazzi.', 'babysitter doposcuola centro estivo infanzia ragazzi', 90),
  ('servizi_anziani', 'legami-welfare', NULL, 'Servizi per anziani', 'Services for elderly people', 'Compagnia, telesoccorso, centri diurni e attività per anziani.', 'compagnia telesoccorso centro diurno anziano', 100),
  ('servizi_famiglie', 'legami-welfare', NULL, 'Servizi per le famiglie', 'Services for families', 'Sostegno alla genitorialità e alle famiglie.', 'genitorialità consulenza sostegno famiglia', 110),
  ('servizi_casa', 'legami-welfare', NULL, 'Servizi per la casa', 'Home services', 'Piccola manutenzione, riparazioni, giardinaggio, lavanderia.', 'manutenzione riparazioni idraulico giardinaggio lavanderia stireria', 120),
  ('tempo_libero', 'legami-welfare', NULL, 'Tempo libero', 'Free time', 'Corsi, attività culturali, sportive e di socializzazione.', 'corsi attività sport cultura gite socializzazione', 130),
  ('servizi_comunali', 'legami-welfare', NULL, 'Servizi comunali', 'Municipal services', 'Servizi gestiti dal Comune, con requisiti di accesso.', 'comune comunale', 140),
  ('saap', 'legami-welfare', 'servizi_comunali', 'SAAP – Assistenza per l''autonomia personale', 'SAAP – personal autonomy assistance for pupils', 'Assistenza educativa a scuola per l''autonomia personale degli alunni con disabilità.', 'alunni disabilità scuola educatore autonomia assistenza scolastica', 150),
  ('trasporto_disabili', 'legami-welfare', 'servizi_comunali', 'Trasporto per persone con disabilità', 'Transport for disabled people', 'Trasporto accompagnato di persone con disabilità verso scuole, centri e luoghi di cura.', 'trasporto disabili accompagnamento pulmino', 160),
  ('conciliazione', 'legami-welfare', 'servizi_comunali', 'Conciliazione vita–lavoro', 'Work–life balance', 'Interventi di conciliazione tra tempi di vita e di lavoro per famiglie con genitori che lavorano.', 'conciliazione lavoro genitori pre-scuola post-scuola', 170);

-- An organisation offering services in the catalogue, and the comuni it may serve.
CREATE TABLE catalog_providers (
  organization_id uuid PRIMARY KEY REFERENCES organizations(id),
  description text NOT NULL DEFAULT '',
  website text,
  email text,
  phone text,
  comuni_served text[] NOT NULL,
  -- Codice fiscale of the creditor body and its pagoPA segregation code, for payment notices.
  creditor_tax_code text,
  segregation_code char(2) CHECK (segregation_code ~ '^[0-9]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES catalog_providers(organization_id),
  category_id text NOT NULL REFERENCES catalog_taxonomy_terms(id),
  name text NOT NULL,
  description text NOT NULL,
  target_groups text[] NOT NULL DEFAULT '{}',
  comuni text[] NOT NULL CHECK (cardinality(comuni) > 0),
  -- Where it is based, for the distance to a citizen's comune.
  base_comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  schedule text NOT NULL DEFAULT '',
  unit text NOT NULL CHECK (unit IN ('hour', 'meal', 'trip', 'session', 'month', 'service')),
  list_price_cents integer NOT NULL CHECK (list_price_cents >= 0),
  capped_price_cents integer NOT NULL CHECK (capped_price_cents >= 0 AND capped_price_cents <= list_price_cents),
  capacity integer CHECK (capacity > 0),
  capacity_period text CHECK (capacity_period IN ('day', 'week', 'month')),
  is_municipal boolean NOT NULL DEFAULT false,
  municipal_program text CHECK (municipal_program IN ('saap', 'disabled_transport', 'conciliazione')),
  required_documents text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  moderation_note text,
  moderated_at timestamptz,
  moderated_by uuid REFERENCES users(id),
  -- Folded (lower case, no accents) text of the service, its category and its provider.
  search_text text NOT NULL,
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('italian'::regconfig, search_text)) STORED,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  CHECK ((capacity IS NULL) = (capacity_period IS NULL)),
  CHECK (municipal_program IS NULL OR is_municipal)
);
CREATE INDEX catalog_services_search_idx ON catalog_services USING gin (search_vector);
CREATE INDEX catalog_services_comuni_idx ON catalog_services USING gin (comuni);
CREATE INDEX catalog_services_status_idx ON catalog_services (status, category_id);
CREATE INDEX catalog_services_provider_idx ON catalog_services (provider_id);

-- A comune's or an Ambito's tariff for one service or a whole category (rule: see shared/src/catalog/tariff.schemas.ts).
-- A change retires the current row and inserts a new one: history is kept.
CREATE TABLE catalog_tariff_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope_type text NOT NULL CHECK (scope_type IN ('comune', 'ambito')),
  scope_id text NOT NULL,
  service_id uuid REFERENCES catalog_services(id),
  category_id text REFERENCES catalog_taxonomy_terms(id),
  name text NOT NULL,
  rule jsonb NOT NULL,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  retired_at timestamptz,
  retired_by uuid REFERENCES users(id),
  CHECK ((service_id IS NULL) <> (category_id IS NULL))
);
CREATE UNIQUE INDEX catalog_tariff_rules_current_idx
  ON catalog_tariff_rules (scope_type, scope_id, coalesce(service_id::text, category_id)) WHERE retired_at IS NULL;

-- A person's ISEE declaration (DSU): economic data, visible only to roles that may see it.
CREATE TABLE isee_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  isee_type text NOT NULL CHECK (isee_type IN ('ordinario', 'sociosanitario', 'minorenni', 'corrente')),
  value_cents integer NOT NULL CHECK (value_cents >= 0),
  dsu_protocol text NOT NULL,
  issued_on date NOT NULL,
  expires_on date NOT NULL,
  verified_at timestamptz,
  verified_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  CHECK (expires_on >= issued_on),
  UNIQUE (person_id, dsu_protocol, isee_type)
);
CREATE INDEX isee_declarations_person_idx ON isee_declarations (person_id);

-- Proximity access points (punti sociali di accesso di prossimità), public or private.
CREATE TABLE access_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('public', 'private')),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  neighbourhood text,
  address text NOT NULL,
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  -- [{ "day": 1..7, "from": "09:00", "to": "12:00" }]
  opening_hours jsonb NOT NULL DEFAULT '[]',
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_points_comune_idx ON access_points (comune_code);

CREATE TABLE access_point_staff (
  access_point_id uuid NOT NULL REFERENCES access_points(id),
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (access_point_id, user_id)
);

CREATE TABLE catalog_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES catalog_services(id),
  provider_id uuid NOT NULL REFERENCES catalog_providers(organization_id),
  person_id uuid NOT NULL REFERENCES people(id),
  -- The beneficiary's comune: the territory of the order.
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  quantity integer NOT NULL CHECK (quantity > 0),
  start_date date NOT NULL,
  period_key text NOT NULL,
  notes text,
  -- Frozen at booking: later tariff changes never alter an order.
  unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
  capped_unit_price_cents integer NOT NULL CHECK (capped_unit_price_cents >= unit_price_cents),
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  -- What the comune owes the provider: (capped − citizen's price) × quantity.
  subsidy_cents integer NOT NULL CHECK (subsidy_cents >= 0),
  tariff jsonb NOT NULL,
  eligibility jsonb,
  channel text NOT NULL CHECK (channel IN ('online', 'assisted')),
  access_point_id uuid REFERENCES access_points(id),
  assisted_by uuid REFERENCES users(id),
  consent_at timestamptz,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'confirmed', 'delivered', 'closed', 'declined', 'cancelled')),
  status_reason text,
  payment_status text NOT NULL CHECK (payment_status IN ('not_required', 'pending', 'paid', 'failed', 'expired', 'cancelled')),
  idempotency_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (channel = 'online' OR (access_point_id IS NOT NULL AND assisted_by IS NOT NULL AND consent_at IS NOT NULL)),
  UNIQUE (created_by, idempotency_key)
);
CREATE INDEX catalog_orders_provider_idx ON catalog_orders (provider_id, status, created_at);
CREATE INDEX catalog_orders_person_idx ON catalog_orders (person_id, created_at);
CREATE INDEX catalog_orders_comune_idx ON catalog_orders (comune_code, created_at);

CREATE TABLE catalog_order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES catalog_orders(id),
  comune_code char(6) NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users(id),
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX catalog_order_events_order_idx ON catalog_order_events (order_id, id);

-- Units booked per service and capacity period: no personal data, so every territory's bookings count.
CREATE TABLE catalog_capacity_usage (
  service_id uuid NOT NULL REFERENCES catalog_services(id),
  period_key text NOT NULL,
  booked integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (service_id, period_key)
);

-- A pagoPA-shaped payment notice (avviso di pagamento) for an order.
CREATE SEQUENCE payment_iuv_seq;
CREATE TABLE payment_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL UNIQUE REFERENCES catalog_orders(id),
  comune_code char(6) NOT NULL,
  provider text NOT NULL,
  notice_number char(18) NOT NULL UNIQUE,
  iuv char(17) NOT NULL,
  creditor_tax_code text NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  due_date date NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed', 'expired', 'cancelled')),
  receipt jsonb,
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
GRANT USAGE, SELECT ON SEQUENCE payment_iuv_seq TO legami_app;

ALTER TABLE isee_declarations ENABLE ROW LEVEL SECURITY;
CREATE POLICY isee_declarations_territory ON isee_declarations
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE catalog_orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY catalog_orders_territory ON catalog_orders
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE catalog_order_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY catalog_order_events_territory ON catalog_order_events
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE payment_notices ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_notices_territory ON payment_notices
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
