import { api, withQuery } from '../../api/client';
import type {
  Comune,
  CreateSubAmbitoBody,
  ReassignComuneBody,
  SubAmbito,
} from '../../../../shared/src/territory/territory.schemas';

export const AMBITI_PATH = '/api/ambiti';
export const comuniPath = (filter: { ambito?: string; q?: string } = {}) => withQuery('/api/comuni', filter);

export const reassignComune = (code: string, body: ReassignComuneBody) =>
  api.patch<Comune>(`/api/comuni/${code}`, body);
export const createSubAmbito = (body: CreateSubAmbitoBody) => api.post<SubAmbito>('/api/sub-ambiti', body);
