/*
 * What other modules may use of the intervention types and the competence protocol: a type, and
 * who is competent for it in a comune. Functions take the caller's `Tx`.
 */
export {
  findInterventionType,
  isOfferedOn,
  offeredOn,
  resolveCompetence,
} from './interventions.repository.js';
export { interventionTypeInactive, interventionTypeUnknown } from './interventions.errors.js';
