import type { HOUSEHOLD_RELATIONS } from '../../../shared/src/people/people.schemas';
import { plural } from './plural';

type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

/** The registry of people and households: Italian, loaded with the pages that show them (namespaces.ts). */
export const peopleIt = {
  person: {
    name: 'Nome e cognome',
    codiceFiscale: 'Codice fiscale',
    givenName: 'Nome',
    familyName: 'Cognome',
    birthDate: 'Data di nascita',
    age: (years: number) => `${years} anni`,
    sex: 'Sesso',
    sexF: 'Femmina',
    sexM: 'Maschio',
    birthPlace: 'Luogo di nascita',
    comune: 'Comune di residenza',
    address: 'Indirizzo',
    phone: 'Telefono',
    email: 'Email',
    fragility: 'Fragilità',
    consentPrivacy: 'Consenso al trattamento dei dati personali',
    consentContact: 'Consenso a essere ricontattato',
  },
  fragility: {
    over65: 'Over 65',
    livesAlone: 'Vive da solo/a',
    disability: 'Disabilità',
    covidPositive: 'Positivo/a al Covid',
    knownToSocialServices: 'Seguito/a dai servizi sociali',
  },
  people: {
    bornOn: (date: string) => `nato/a il ${date}`,
  },
  peopleSearch: {
    title: 'Cerca persona',
    lead: 'Cerca nell’anagrafe del tuo territorio. Ogni ricerca è registrata nel registro accessi.',
    query: 'Nome e cognome, codice fiscale o telefono',
    queryHint: 'Il nome in qualsiasi ordine, l’inizio del codice fiscale oppure le cifre del telefono.',
    prompt: 'Scrivi almeno due caratteri e premi «Cerca».',
    found: (n: number) => `${n} ${plural(n, 'persona trovata', 'persone trovate')}`,
    resultsCaption: 'Persone trovate',
    noResults: 'Nessuna persona corrisponde alla ricerca.',
  },
  personForm: {
    createLead: 'Inizia dal codice fiscale: data di nascita, sesso e luogo di nascita si compilano da soli.',
    identity: 'Dati anagrafici',
    residence: 'Residenza e contatti',
    fragility: 'Fragilità',
    consents: 'Consensi',
    consentMethod: 'Come è stato dato il consenso',
    consentMethods: {
      phone: 'A voce, al telefono',
      in_person: 'Di persona, allo sportello',
      written: 'Per iscritto, su modulo firmato',
      online: 'Online, dalla persona stessa',
    },
    consentHint: {
      '': '',
      phone:
        'Leggi l’informativa sul trattamento dei dati e chiedi il consenso: resta registrato che lo ha dato al telefono, con te e l’ora.',
      in_person: '',
      written: '',
      online: '',
    },
    codiceFiscaleHint: '16 caratteri, per esempio RSSMRA80A01D150J.',
    codiceFiscaleProblems: {
      format:
        'Il codice fiscale ha 16 caratteri: 6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre e 1 lettera (per esempio RSSMRA80A01D150J).',
      checkCharacter:
        'Il codice fiscale non è valido: l’ultimo carattere (di controllo) non corrisponde agli altri. Fallo rileggere e correggilo.',
    },
    over65Note: 'L’età oltre i 65 anni si calcola dalla data di nascita.',
    duplicatesWarning: (n: number) =>
      n === 1
        ? 'Attenzione: potrebbe essere già registrata questa persona.'
        : `Attenzione: potrebbero essere già registrate ${n} di queste persone.`,
    confirmNotDuplicate: 'È un’altra persona: registra comunque',
    openExisting: 'Apri la scheda già registrata',
    create: 'Registra persona',
  },
  personDetail: {
    loadingTitle: 'Scheda persona',
    registry: 'Anagrafica e contatti',
    created: 'Persona registrata.',
    saved: 'Modifiche salvate.',
    sensitiveHidden: 'Le informazioni sanitarie e sociali non sono visibili per il tuo ruolo.',
    consentRecorded: (how: string, at: string, by: string) =>
      `Sì: ${how.toLowerCase()}, il ${at}, registrato da ${by}.`,
    consentMissingTitle: 'Mancano dei consensi',
    consentMissing: {
      privacy:
        'Manca il consenso al trattamento dei dati personali: chiedilo alla persona alla prossima telefonata e registralo con «Modifica».',
      contact: 'Manca il consenso a essere ricontattata.',
    },
    updated: (at: string, version: number) => `Ultima modifica: ${at} (versione ${version}).`,
  },
  personEdit: {
    title: (name: string) => `Modifica ${name}`,
    loadingTitle: 'Modifica persona',
    reload: 'Ricarica la scheda',
    notAllowed: 'Il tuo ruolo non consente di modificare questa persona.',
  },
  household: {
    title: 'Nucleo familiare',
    none: 'Non fa parte di un nucleo familiare registrato.',
    address: 'Indirizzo del nucleo',
    membersCaption: 'Componenti del nucleo familiare',
    noMembers: 'Nessun componente.',
    relation: 'Relazione nel nucleo',
    relationOf: (name: string) => `Relazione di ${name} nel nucleo`,
    createTitle: 'Crea un nucleo familiare',
    create: 'Crea nucleo',
    addTitle: 'Aggiungi una persona al nucleo',
    findPerson: 'Cerca la persona da aggiungere',
    choosePerson: 'Scegli la persona',
    add: 'Aggiungi al nucleo',
    leave: (name: string) => `Togli ${name} dal nucleo`,
  },
  relations: {
    intestatario: 'Intestatario/a',
    coniuge: 'Coniuge',
    figlio: 'Figlio/a',
    genitore: 'Genitore',
    altro_parente: 'Altro parente',
    convivente: 'Convivente',
  } satisfies Record<HouseholdRelation, string>,
};
