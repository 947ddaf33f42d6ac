import { api, apiRequest, withQuery } from '../../api/client';
import type {
  Assessment,
  AssessmentBody,
  BoardQuery,
  BudgetBody,
  CaseDetail,
  CaseStatusBody,
  CompleteStepBody,
  CreateCaseBody,
  DischargeBody,
  DischargeHomePlanBody,
  DocumentMeta,
  EntryBody,
  ExpenseBody,
  PlanBody,
  PlanTransitionBody,
  PlanUpdateBody,
  Timeline,
} from '../../../../shared/src/cases/cases.schemas';

/** The case-file calls of the web app; paths as in server/src/modules/cases/cases.routes.ts. */

export const casePath = (id: string) => `/api/cases/${id}`;
export const boardPath = (query: BoardQuery) => withQuery('/api/cases/board', query);
export const interventionOptionsPath = (id: string) => `${casePath(id)}/intervention-options`;
export const budgetSourcesPath = (id: string) => `${casePath(id)}/budget-sources`;
export const timelinePath = (id: string) => `${casePath(id)}/timeline`;
export const comparePath = (id: string, from: string, to: string) =>
  withQuery(`${casePath(id)}/assessments/compare`, { from, to });
export const documentUrl = (caseId: string, documentId: string) =>
  `${casePath(caseId)}/documents/${documentId}`;
export const exportUrl = (personId: string, format: 'json' | 'pdf') =>
  withQuery(`/api/people/${personId}/export`, { format: format === 'pdf' ? 'pdf' : undefined });

export const createCase = (body: CreateCaseBody) => api.post<CaseDetail>('/api/cases', body);
export const breakGlass = (id: string, reason: string) =>
  api.post<CaseDetail>(`${casePath(id)}/break-glass`, { reason });
export const changeCaseStatus = (id: string, body: CaseStatusBody) =>
  api.post<CaseDetail>(`${casePath(id)}/status`, body);
export const addEntry = (id: string, body: EntryBody) => api.post<Timeline>(`${casePath(id)}/entries`, body);
export const recordAssessment = (id: string, body: AssessmentBody) =>
  api.post<Assessment>(`${casePath(id)}/assessments`, body);
export const createPlan = (id: string, body: PlanBody) => api.post<CaseDetail>(`${casePath(id)}/plans`, body);
export const updatePlan = (id: string, planId: string, body: PlanUpdateBody) =>
  api.put<CaseDetail>(`${casePath(id)}/plans/${planId}`, body);
export const transitionPlan = (id: string, planId: string, body: PlanTransitionBody) =>
  api.post<CaseDetail>(`${casePath(id)}/plans/${planId}/transition`, body);
export const createBudget = (id: string, planId: string, body: BudgetBody) =>
  api.post<CaseDetail>(`${casePath(id)}/plans/${planId}/budget`, body);
export const addExpense = (id: string, planId: string, body: ExpenseBody) =>
  api.post<CaseDetail>(`${casePath(id)}/plans/${planId}/budget/expenses`, body);
export const reverseExpense = (id: string, planId: string, expenseId: string, reason: string) =>
  api.post<CaseDetail>(`${casePath(id)}/plans/${planId}/budget/expenses/${expenseId}/reversal`, { reason });
export const createDischarge = (id: string, body: DischargeBody) =>
  api.post<CaseDetail>(`${casePath(id)}/discharges`, body);
export const setDischargeHomePlan = (id: string, dischargeId: string, body: DischargeHomePlanBody) =>
  api.put<CaseDetail>(`${casePath(id)}/discharges/${dischargeId}/home-plan`, body);
export const completeStep = (id: string, stepId: string, body: CompleteStepBody) =>
  api.post<CaseDetail>(`${casePath(id)}/discharge-steps/${stepId}/complete`, body);
export const uploadDocument = (id: string, title: string, file: File) =>
  apiRequest<DocumentMeta>(withQuery(`${casePath(id)}/documents`, { title }), {
    method: 'POST',
    raw: { body: file, contentType: file.type || 'application/octet-stream' },
  });
