import { notFound } from '../../platform/errors.js';

export const territoryNotFound = () => notFound('Territorio');
export const datasetNotFound = () => notFound('Insieme di dati');
export const publicationNotFound = () => notFound('Pubblicazione');
