import { conflict, notFound } from '../../platform/errors.js';

export const territoryNotFound = () => notFound('Territorio');
export const datasetNotFound = () => notFound('Insieme di dati');
export const publicationNotFound = () => notFound('Pubblicazione');
export const reportNotFound = () => notFound('Rapporto sociale');
export const reportNotDraft = () =>
  conflict(
    'REPORT_NOT_DRAFT',
    'Il rapporto non è una bozza: si modifica e si pubblica solo una bozza generata; una versione pubblicata non cambia più.',
  );
