-- How, when and by whom a person's consent to the processing of their data was recorded (issue 14, item 12): an operator records the consent given on the phone during the intake, and the record says what is missing.
ALTER TABLE people
  ADD COLUMN consent_method text CHECK (consent_method IN ('phone', 'in_person', 'written', 'online')),
  ADD COLUMN consent_recorded_at timestamptz,
  ADD COLUMN consent_recorded_by text;
