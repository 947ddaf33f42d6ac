import { api, withQuery } from '../../api/client';
import type {
  CompetenceRule,
  SetCompetenceBody,
} from '../../../../shared/src/interventions/interventions.schemas';

export const rulesPath = (history: boolean, interventionType = '') =>
  withQuery('/api/competence-rules', { history: history || undefined, interventionType });
export const setCompetence = (body: SetCompetenceBody) =>
  api.put<CompetenceRule[]>('/api/competence-rules', body);
