-- What a citizen reads of each intervention type, and where and when it is offered (issue 14, item 7).
-- The protocol keeps all nine types of CremonAiuta; the 2020 emergency's are no longer offered online.
ALTER TABLE intervention_types
  ADD COLUMN citizen_name_it text NOT NULL DEFAULT '',
  ADD COLUMN citizen_name_en text NOT NULL DEFAULT '',
  ADD COLUMN citizen_description_it text NOT NULL DEFAULT '',
  ADD COLUMN citizen_description_en text NOT NULL DEFAULT '',
  -- The intake channels that offer it: phone, web (the citizen's own form), access_point, social_worker.
  ADD COLUMN channels text[] NOT NULL DEFAULT ARRAY['phone', 'web', 'access_point', 'social_worker']
    CHECK (channels <@ ARRAY['phone', 'web', 'access_point', 'social_worker']),
  -- Offered from/until these dates (Rome), both included; null: no limit.
  ADD COLUMN active_from date,
  ADD COLUMN active_until date,
  ADD CONSTRAINT intervention_types_period CHECK (active_until IS NULL OR active_from IS NULL OR active_until >= active_from);

UPDATE intervention_types SET citizen_name_it = v.name_it, citizen_name_en = v.name_en,
  citizen_description_it = v.description_it, citizen_description_en = v.description_en, channels = v.channels
FROM (VALUES
  ('groceries_medicines', 'Spesa e farmaci a casa', 'Groceries and medicines at home',
   'Un volontario fa la spesa o ritira i farmaci per te e te li porta a casa. Paghi solo quello che compri.',
   'A volunteer does your shopping or collects your medicines and brings them home. You pay only for what you buy.',
   ARRAY['phone', 'web', 'access_point', 'social_worker']),
  ('home_meals', 'Pasti a domicilio', 'Meals at home',
   'Un pasto caldo portato a casa, se non riesci a cucinare da solo.',
   'A hot meal brought to your home, if you cannot cook for yourself.',
   ARRAY['phone', 'web', 'access_point', 'social_worker']),
  ('tablets_pupils', 'Tablet per la scuola', 'Tablets for school',
   'Un tablet in prestito per un alunno che segue le lezioni a distanza.',
   'A tablet on loan for a pupil following lessons from home.',
   ARRAY['phone', 'access_point', 'social_worker']),
  ('masks_over65', 'Mascherine per chi ha più di 65 anni', 'Masks for people over 65',
   'Mascherine consegnate a casa alle persone anziane.',
   'Masks delivered to older people at home.',
   ARRAY['phone', 'access_point', 'social_worker']),
  ('food_parcels', 'Pacco alimentare', 'Food parcel',
   'Un pacco di generi alimentari per le famiglie in difficoltà, consegnato a casa o da ritirare.',
   'A parcel of food for families in difficulty, delivered home or to collect.',
   ARRAY['phone', 'web', 'access_point', 'social_worker']),
  ('shopping_vouchers', 'Buoni spesa', 'Shopping vouchers',
   'Aiuto per chiedere e ritirare i buoni spesa del comune nei punti dedicati.',
   'Help to ask for and collect the comune''s shopping vouchers at the dedicated points.',
   ARRAY['phone', 'web', 'access_point', 'social_worker']),
  ('covid_groceries_medicines', 'Spesa e farmaci per chi è in isolamento', 'Groceries and medicines while in isolation',
   'Spesa e farmaci portati da volontari formati a chi deve restare in isolamento per malattia.',
   'Groceries and medicines brought by trained volunteers to people who must stay isolated because of illness.',
   ARRAY['phone', 'access_point', 'social_worker']),
  ('hospital_transport', 'Accompagnamento in ospedale', 'A lift to hospital',
   'Un passaggio in auto per visite ed esami negli ospedali di Cremona e Pavia, andata e ritorno.',
   'A lift by car to appointments and tests at the hospitals of Cremona and Pavia, there and back.',
   ARRAY['phone', 'web', 'access_point', 'social_worker']),
  ('donated_food_distribution', 'Alimenti donati dalle aziende', 'Food donated by companies',
   'Alimenti donati dalle aziende del territorio, distribuiti dalle associazioni.',
   'Food donated by local companies, handed out by the associations.',
   ARRAY['phone', 'access_point', 'social_worker'])
) AS v(id, name_it, name_en, description_it, description_en, channels)
WHERE intervention_types.id = v.id;
