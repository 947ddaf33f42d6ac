import { api } from '../../api/client';
import type {
  CreateInterventionTypeBody,
  InterventionType,
  UpdateInterventionTypeBody,
} from '../../../../shared/src/interventions/interventions.schemas';

export const INTERVENTION_TYPES_PATH = '/api/intervention-types';
/** The types a citizen may ask for online today. */
export const OFFERED_ONLINE_PATH = `${INTERVENTION_TYPES_PATH}?offeredOn=web`;

export const createInterventionType = (body: CreateInterventionTypeBody) =>
  api.post<InterventionType>(INTERVENTION_TYPES_PATH, body);
export const updateInterventionType = (id: string, body: UpdateInterventionTypeBody) =>
  api.put<InterventionType>(`${INTERVENTION_TYPES_PATH}/${encodeURIComponent(id)}`, body);
