-- Territory model: Ambito ⊃ sub-ambito ⊃ comune, with ISTAT codes and resident population.
CREATE TABLE ambiti (
  id text PRIMARY KEY,
  name text NOT NULL,
  lead_comune_name text
);

CREATE TABLE sub_ambiti (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ambito_id text NOT NULL REFERENCES ambiti(id),
  name text NOT NULL,
  UNIQUE (ambito_id, name)
);

CREATE TABLE comuni (
  istat_code char(6) PRIMARY KEY,
  name text NOT NULL,
  cadastral_code char(4) NOT NULL UNIQUE,
  province_code char(2) NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  population_census_2011 integer,
  ambito_id text NOT NULL REFERENCES ambiti(id),
  sub_ambito_id uuid REFERENCES sub_ambiti(id),
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  area_km2 numeric(10, 2),
  postal_codes text NOT NULL DEFAULT ''
);
CREATE INDEX comuni_ambito_idx ON comuni (ambito_id);
