-- SIUSS (INPS): the mapping of Legami's benefits to CodicePrestazione, each comune's sending configuration, and the flows sent with their state.

-- Which INPS code each kind of benefit Legami records is sent under. The codes are the national
-- nomenclature (DM 206/2014), so one mapping serves the installation; an administrator edits it.
-- The full code list is not public offline: only the codes INPS itself shows as examples are seeded.
CREATE TABLE siuss_prestazione_codes (
  benefit_kind text PRIMARY KEY CHECK (benefit_kind ~ '^[a-z_]+:[a-z0-9_]+$'),
  label text NOT NULL,
  codice_prestazione text CHECK (length(codice_prestazione) BETWEEN 5 AND 10),
  denominazione text CHECK (length(denominazione) BETWEEN 10 AND 200),
  presenza_prova_mezzi char(1) NOT NULL DEFAULT '4' CHECK (presenza_prova_mezzi IN ('1', '2', '3', '4')),
  carattere char(1) CHECK (carattere IN ('1', '2')),
  area_utenza char(1) CHECK (area_utenza IN ('1', '2', '3')),
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  CHECK ((codice_prestazione IS NULL) = (denominazione IS NULL))
);

INSERT INTO siuss_prestazione_codes (benefit_kind, label, codice_prestazione, denominazione, presenza_prova_mezzi, carattere, area_utenza, note) VALUES
  ('catalog:sanita_territoriale', 'Catalogo: sanità territoriale (quota del Comune)', NULL, NULL, '1', '1', NULL, NULL),
  ('catalog:didattica_distanza', 'Catalogo: didattica a distanza (quota del Comune)', NULL, NULL, '1', '1', '1', NULL),
  ('catalog:assistenza_domiciliare', 'Catalogo: assistenza domiciliare (quota del Comune)', NULL, NULL, '1', '1', '2', NULL),
  ('catalog:pasti_domicilio', 'Catalogo: pasti a domicilio (quota del Comune)', NULL, NULL, '1', '1', '2', NULL),
  ('catalog:facchinaggio', 'Catalogo: facchinaggio e traslochi (quota del Comune)', NULL, NULL, '1', '2', NULL, NULL),
  ('catalog:sanificazioni', 'Catalogo: sanificazioni e pulizie (quota del Comune)', NULL, NULL, '1', '2', NULL, NULL),
  ('catalog:mediazione_familiare', 'Catalogo: mediazione familiare (quota del Comune)', NULL, NULL, '1', '1', '1', NULL),
  ('catalog:segretariato_sociale', 'Catalogo: segretariato sociale (quota del Comune)', NULL, NULL, '4', '2', NULL, NULL),
  ('catalog:servizi_bambini', 'Catalogo: servizi per bambini (quota del Comune)', NULL, NULL, '1', '1', '1', NULL),
  ('catalog:servizi_anziani', 'Catalogo: servizi per anziani (quota del Comune)', NULL, NULL, '1', '1', '2', NULL),
  ('catalog:servizi_famiglie', 'Catalogo: servizi per le famiglie (quota del Comune)', NULL, NULL, '1', '1', '1', NULL),
  ('catalog:servizi_casa', 'Catalogo: servizi per la casa (quota del Comune)', NULL, NULL, '1', '2', NULL, NULL),
  ('catalog:tempo_libero', 'Catalogo: tempo libero (quota del Comune)', NULL, NULL, '1', '1', NULL, NULL),
  ('catalog:servizi_comunali', 'Catalogo: servizi comunali (quota del Comune)', NULL, NULL, '1', '1', NULL, NULL),
  ('catalog:saap', 'Catalogo: SAAP, assistenza per l''autonomia personale degli alunni', NULL, NULL, '4', '1', '2', NULL),
  ('catalog:trasporto_disabili', 'Catalogo: trasporto per persone con disabilità (quota del Comune)',
   'A1.16', 'Contributi economici per servizio trasporto e mobilità', '1', '1', '2',
   'Codice dagli esempi pubblicati da INPS (README di INPS-it/WaaS.Comuni).'),
  ('catalog:conciliazione', 'Catalogo: conciliazione vita–lavoro (quota del Comune)', NULL, NULL, '1', '1', '1', NULL),
  ('budget:fare_legami', 'Budget di progetto Fare Legami (spesa)', NULL, NULL, '4', '2', '3', NULL),
  ('budget:pnrr_home_care', 'Budget PNRR per l''assistenza domiciliare (spesa)', NULL, NULL, '4', '1', '2', NULL),
  ('budget:comune', 'Budget di progetto del Comune (spesa)', NULL, NULL, '4', '2', NULL, NULL),
  ('budget:other', 'Budget di progetto, altre fonti (spesa)', NULL, NULL, '4', '2', NULL, NULL),
  ('programme:voucher', 'Buoni spesa (emissione)', NULL, NULL, '1', '2', '3', NULL),
  ('programme:solidarity_fund', 'Fondo di solidarietà (contributo pagato)', NULL, NULL, '1', '2', '3', NULL),
  ('programme:rent_fund', 'Fondo affitti (contributo pagato)',
   'A2.16', 'Interventi di supporto per reperimento alloggi', '1', '2', '3',
   'Codice dall''esempio dell''API WaaS di INPS (waas-api-comuni.yaml): verificare con il nomenclatore.'),
  ('programme:utility_bonus', 'Bonus utenze (contributo pagato)', NULL, NULL, '1', '2', '3', NULL);

-- How a comune sends to SIUSS: the operator's codice fiscale the flows carry, and the key INPS's
-- WaaS client presents (only its SHA-256 is kept; the key is shown once, when made).
CREATE TABLE siuss_entes (
  comune_code char(6) PRIMARY KEY REFERENCES comuni(istat_code),
  cf_operatore text NOT NULL CHECK (cf_operatore ~ '^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$'),
  denominazione text NOT NULL CHECK (length(denominazione) BETWEEN 1 AND 100),
  token_hash text UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  token_created_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- One flow per record, as INPS's cooperation accepts (one beneficiary, one benefit). A record's
-- content never changes once made: a correction is a cancellation (C) of the record sent and a new
-- insertion (I). Only the delivery (pending → sent, once) and INPS's outcome are written later.
CREATE TABLE siuss_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id_flusso text NOT NULL UNIQUE CHECK (length(id_flusso) <= 50),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  tipo text NOT NULL DEFAULT 'PS_PSA_SINA' CHECK (tipo IN ('PS_PSA_SINA', 'SINBA')),
  source_kind text NOT NULL CHECK (source_kind IN ('catalog_order', 'budget_expense', 'programme_application', 'voucher')),
  source_id uuid NOT NULL,
  benefit_kind text NOT NULL,
  -- The day the benefit belongs to (delivery, start or expense), which picks the export's period.
  benefit_on date NOT NULL,
  operation char(1) NOT NULL CHECK (operation IN ('I', 'C')),
  cancels_record_id uuid UNIQUE REFERENCES siuss_records(id),
  corrects_record_id uuid REFERENCES siuss_records(id),
  payload jsonb NOT NULL,
  payload_hash text NOT NULL,
  ts_flusso timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'accepted', 'refused', 'withdrawn')),
  channel text CHECK (channel IN ('waas', 'bulk')),
  sent_at timestamptz,
  esito_code text CHECK (esito_code IN ('OK', 'DATI_NON_TROVATI', 'RICHIESTA_INVALIDA', 'ERRORE_GENERICO')),
  esito_description text,
  id_acquisizione_siuss text,
  esito_at timestamptz,
  cancelled_by_record_id uuid REFERENCES siuss_records(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  CHECK ((operation = 'C') = (cancels_record_id IS NOT NULL)),
  CHECK ((state = 'pending' OR state = 'withdrawn') = (sent_at IS NULL)),
  CHECK ((sent_at IS NULL) = (channel IS NULL))
);
-- At most one insertion of a benefit is live (not refused, withdrawn or cancelled) at any time.
CREATE UNIQUE INDEX siuss_records_live_idx ON siuss_records (source_kind, source_id)
  WHERE operation = 'I' AND cancelled_by_record_id IS NULL AND state NOT IN ('refused', 'withdrawn');
CREATE INDEX siuss_records_ts_idx ON siuss_records (comune_code, ts_flusso);
CREATE INDEX siuss_records_period_idx ON siuss_records (comune_code, benefit_on);
CREATE INDEX siuss_records_source_idx ON siuss_records (source_kind, source_id);

REVOKE DELETE, TRUNCATE ON siuss_records FROM legami_app;

-- A record is sent at most once: its content, its delivery and its outcome are written once each.
CREATE FUNCTION siuss_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id_flusso <> OLD.id_flusso OR NEW.payload <> OLD.payload OR NEW.operation <> OLD.operation
     OR NEW.source_id <> OLD.source_id OR NEW.ts_flusso <> OLD.ts_flusso OR NEW.comune_code <> OLD.comune_code THEN
    RAISE EXCEPTION 'siuss_records: a record''s content never changes (a correction is C + I)';
  END IF;
  IF OLD.sent_at IS NOT NULL AND (NEW.sent_at IS DISTINCT FROM OLD.sent_at OR NEW.channel IS DISTINCT FROM OLD.channel) THEN
    RAISE EXCEPTION 'siuss_records: a record is sent once';
  END IF;
  IF OLD.state = 'withdrawn' AND NEW.state <> 'withdrawn' THEN
    RAISE EXCEPTION 'siuss_records: a withdrawn record is never sent';
  END IF;
  IF OLD.esito_code IS NOT NULL AND NEW.esito_code IS DISTINCT FROM OLD.esito_code THEN
    RAISE EXCEPTION 'siuss_records: INPS''s outcome is recorded once';
  END IF;
  IF OLD.cancelled_by_record_id IS NOT NULL AND NEW.cancelled_by_record_id IS DISTINCT FROM OLD.cancelled_by_record_id THEN
    RAISE EXCEPTION 'siuss_records: a record is cancelled once';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER siuss_records_no_rewrite BEFORE UPDATE ON siuss_records
  FOR EACH ROW EXECUTE FUNCTION siuss_records_guard();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['siuss_entes', 'siuss_records']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code))',
                   t || '_territory', t);
  END LOOP;
END
$$;
SELECT legami_add_ambito_code('siuss_entes');
SELECT legami_add_ambito_code('siuss_records');

-- INPS's client has no session: its key names one comune, and nothing else is revealed (the
-- application role cannot read the keys under row-level security before it knows the comune).
CREATE FUNCTION siuss_ente_for_token(hash text) RETURNS char(6)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT comune_code FROM siuss_entes WHERE token_hash = hash AND hash ~ '^[0-9a-f]{64}$'
$$;
REVOKE ALL ON FUNCTION siuss_ente_for_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION siuss_ente_for_token(text) TO legami_app;
