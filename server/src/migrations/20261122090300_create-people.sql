-- People registry (anagrafica) and households, isolated by territory with row-level security.
CREATE TABLE households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  address text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  codice_fiscale char(16) UNIQUE,
  given_name text NOT NULL,
  family_name text NOT NULL,
  -- Lower-case, accent-free "family given" for search that ignores accents and order.
  search_name text NOT NULL,
  birth_date date NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('M', 'F')),
  birth_place text,
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  address text,
  neighbourhood text,
  latitude double precision,
  longitude double precision,
  phone text,
  phone_digits text,
  email text,
  household_id uuid REFERENCES households(id),
  household_relation text CHECK (household_relation IN ('intestatario', 'coniuge', 'figlio', 'genitore', 'altro_parente', 'convivente')),
  disability boolean NOT NULL DEFAULT false,
  lives_alone boolean NOT NULL DEFAULT false,
  covid_positive boolean NOT NULL DEFAULT false,
  known_to_social_services boolean NOT NULL DEFAULT false,
  consent_privacy boolean NOT NULL DEFAULT false,
  consent_contact boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);
CREATE INDEX people_comune_idx ON people (comune_code);
CREATE INDEX people_search_name_idx ON people (search_name text_pattern_ops);
CREATE INDEX people_phone_idx ON people (phone_digits);
CREATE INDEX people_birth_idx ON people (birth_date);
CREATE INDEX people_household_idx ON people (household_id);

ALTER TABLE users ADD CONSTRAINT users_person_fk FOREIGN KEY (person_id) REFERENCES people(id);

ALTER TABLE people ENABLE ROW LEVEL SECURITY;
CREATE POLICY people_territory ON people
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
CREATE POLICY households_territory ON households
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
