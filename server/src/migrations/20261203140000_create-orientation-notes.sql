-- The orientation a welfare manager gives a citizen at an access point (seed 001: "welfare manager che ascoltano e orientano"), noted on the person: personal data, kept to the person's comune by row-level security.
CREATE TABLE orientation_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  access_point_id uuid REFERENCES access_points(id),
  note text NOT NULL CHECK (length(note) BETWEEN 3 AND 2000),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orientation_notes_person_idx ON orientation_notes (person_id, created_at DESC);

ALTER TABLE orientation_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY orientation_notes_territory ON orientation_notes
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
