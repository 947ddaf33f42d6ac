/*
 * What other modules may use of the territory: the comuni with their ISTAT population and
 * sub-ambito, and the sub-ambiti. Territory is public open data; functions take the caller's `Tx`.
 */
export {
  listAmbiti,
  listComuni,
  listSubAmbiti,
  findSubAmbito,
  insertSubAmbito,
  updateComuneAssignment,
  findAmbito,
  findComune,
  resolveComuni,
} from './territory.repository.js';
export { comuneRings } from './territory.boundaries.js';
