import { conflict, invalid, notFound } from '../../platform/errors.js';

export const volunteerNotFound = () => notFound('Volontario');
export const importNotFound = () => notFound('Importazione');

export const consentRequired = () =>
  invalid(
    'VOLUNTEER_CONSENT_REQUIRED',
    'Per inviare la disponibilità devi acconsentire al trattamento dei dati personali: senza consenso non possiamo conservare i tuoi recapiti.',
    { field: 'consentPrivacy' },
  );
export const consentAttestationRequired = () =>
  invalid(
    'VOLUNTEER_CONSENT_REQUIRED',
    'Registra il volontario solo dopo aver raccolto il suo consenso al trattamento dei dati personali.',
    { field: 'consentPrivacy' },
  );

/** Deliberately says nothing about the existing record: the offer form is public. */
export const duplicateVolunteer = () =>
  conflict(
    'VOLUNTEER_DUPLICATE',
    'Risulta già una disponibilità registrata con questo codice fiscale. Per modificarla contatta il coordinamento di CremonAiuta.',
    { field: 'codiceFiscale' },
  );

export const identityForCodiceFiscale = () =>
  invalid(
    'CF_NEEDS_BIRTH_DATA',
    'Se indichi il codice fiscale indica anche la data di nascita e il sesso, per verificarlo.',
    {
      field: 'codiceFiscale',
    },
  );

export const unknownComune = (field: string) =>
  invalid('COMUNE_UNKNOWN', 'Il comune indicato non esiste: scegli un comune della provincia dall’elenco.', {
    field,
  });

export const comuneOutsideTerritory = () =>
  invalid('COMUNE_OUTSIDE_TERRITORY', 'Il comune indicato non è nel tuo territorio di competenza.', {
    field: 'comuneCode',
  });

export const organizationNotAllowed = () =>
  invalid(
    'VOLUNTEER_ORGANIZATION_NOT_ALLOWED',
    'Puoi affiliare un volontario solo a un’organizzazione che coordini, oppure registrarlo come volontario individuale.',
    { field: 'organizationId' },
  );

export const organizationRequired = () =>
  invalid(
    'VOLUNTEER_ORGANIZATION_REQUIRED',
    'Coordini più organizzazioni: indica a quale affiliare i volontari.',
    {
      field: 'organizationId',
    },
  );

export const alreadyReviewed = () =>
  conflict(
    'VOLUNTEER_ALREADY_REVIEWED',
    'Questa disponibilità è già stata esaminata: ricarica la scheda per vederne lo stato.',
  );

export const notUpdatable = () =>
  conflict(
    'VOLUNTEER_NOT_ACTIVE',
    'Si possono modificare solo i volontari approvati o sospesi: una disponibilità in attesa va prima esaminata.',
  );
