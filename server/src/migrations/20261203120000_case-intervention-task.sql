-- A plan's intervention may also point at one task of a help request (a volunteer's delivery, a transport).
ALTER TABLE case_plan_interventions DROP CONSTRAINT case_plan_interventions_kind_check;
ALTER TABLE case_plan_interventions ADD CONSTRAINT case_plan_interventions_kind_check
  CHECK (kind IN ('catalog_order', 'help_request', 'task', 'municipal_service'));
