/*
 * What other modules may use of case files. Nothing of a file's content leaves this module except
 * through its own routes; other modules learn "followed by social services" from the people registry,
 * and SIUSS (INPS) the personal-budget expenses with the SINA codes of the case's assessment and a
 * minor's SINBA assessment, which the law requires a comune to send.
 */
export { sendCaseReminders, usePersonalBudgetLedger } from './cases.service.js';
// A link to a person's case file from another module's page (economic support), for who may open it.
export { visibleCaseOfPerson } from './cases.service.js';
export type { PersonalBudgetLedger } from './cases.ledger.js';
export { seedCasesDemo } from './cases.demo.js';
export { caseRemindersJob, scheduleCaseReminders } from './cases.jobs.js';
export {
  budgetExpenseBenefits,
  minorAssessmentsOf,
  type BudgetExpenseBenefitRow,
  type MinorAssessmentBenefitRow,
} from './cases.repository.js';

// The annual report's counts of case files, plan outcomes and discharges (no content of a file).
export {
  CASE_AREAS,
  GOAL_OUTCOME_LABELS,
  caseCounts,
  dischargeCounts,
  planGoalOutcomes,
  type CaseCount,
} from './cases.statistics.js';
