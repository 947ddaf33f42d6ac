-- Organisations, user accounts, memberships with role and territory, sessions and login attempts.
CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('comune', 'ambito', 'association', 'social_cooperative', 'foundation', 'company', 'health_authority')),
  ambito_id text REFERENCES ambiti(id),
  comune_code char(6) REFERENCES comuni(istat_code),
  tax_code text,
  email text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  full_name text NOT NULL,
  password_hash text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'it' CHECK (locale IN ('it', 'en')),
  person_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A membership gives one role in one organisation over one territory:
-- the whole province (scope_type 'all'), an Ambito, or a single comune.
CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id uuid REFERENCES organizations(id),
  role text NOT NULL CHECK (role IN ('cittadino', 'operatore', 'assistente_sociale', 'welfare_manager', 'coordinatore', 'volontario', 'amministratore', 'fornitore', 'revisore')),
  scope_type text NOT NULL CHECK (scope_type IN ('all', 'ambito', 'comune')),
  scope_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_type = 'all') = (scope_id IS NULL)),
  UNIQUE (user_id, organization_id, role, scope_type, scope_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Session ids are stored hashed: a leaked table does not hand out live sessions.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);
