-- A minor's assessment in the case file (SINBA, INPS): the minor's and the family's condition, how the case was reported, the court's measures and the care arrangement, appended only and isolated by comune.

-- The SINBA attributes as INPS's schema names them (attribute → code or MM/YYYY) and who lives with
-- the minor; the codes are checked by the cases module against SINBA.xsd's enumerations. A newer
-- assessment supersedes an older one; none is ever rewritten or deleted.
CREATE TABLE case_minor_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  comune_code char(6) NOT NULL REFERENCES comuni(istat_code),
  assessed_on date NOT NULL,
  attributes jsonb NOT NULL CHECK (jsonb_typeof(attributes) = 'object'),
  famiglia text[] NOT NULL,
  assessor_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_minor_assessments_case_idx ON case_minor_assessments (case_id, assessed_on);

REVOKE UPDATE, DELETE, TRUNCATE ON case_minor_assessments FROM legami_app;
ALTER TABLE case_minor_assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_minor_assessments_territory ON case_minor_assessments
  USING (legami_in_scope(comune_code)) WITH CHECK (legami_in_scope(comune_code));
SELECT legami_add_ambito_code('case_minor_assessments');
