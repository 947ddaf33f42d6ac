import type { RoleName } from '../../../shared/src/accounts/accounts.schemas';
import type { HOUSEHOLD_RELATIONS } from '../../../shared/src/people/people.schemas';
import type { RequestStatus } from '../../../shared/src/requests/requests.schemas';
import type { OUTCOME_REASONS } from '../../../shared/src/tasks/tasks.schemas';
import type { adminIt } from './admin.it';
import type { casesIt } from './cases.it';
import type { catalogIt } from './catalog.it';
import type { dashboardIt } from './dashboard.it';
import type { fundsIt } from './funds.it';
import type { goodsIt } from './goods.it';
import type { legalIt } from './legal.it';
import type { organizationsIt } from './organizations.it';
import type { pactsIt } from './pacts.it';
import type { peopleIt } from './people.it';
import type { protocolIt } from './protocol.it';
import type { reportsIt } from './reports.it';
import type { requestsIt } from './requests.it';
import type { roundsIt } from './rounds.it';
import type { tasksIt } from './tasks.it';
import type { territoryIt } from './territory.it';
import type { volunteersIt } from './volunteers.it';
import type { vouchersIt } from './vouchers.it';
import { plural } from './plural';
import { siteIt } from './site.it';

export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

/**
 * The Italian interface: the source of truth. `en.ts` is typed as `Messages`, so a key
 * missing (or extra) there fails the type check. This file holds what the shell, the public
 * pages and the citizen's pages show; the other modules' words are in their own files, fetched
 * with the pages that show them (italian.ts).
 */
export const it = {
  app: {
    name: 'Legami',
    tagline: 'Welfare di comunità della provincia di Cremona',
    owner: 'Comuni e Ambiti sociali della provincia di Cremona',
  },
  common: {
    loading: 'Caricamento in corso…',
    required: 'obbligatorio',
    search: 'Cerca',
    save: 'Salva',
    saving: 'Salvataggio in corso…',
    cancel: 'Annulla',
    edit: 'Modifica',
    add: 'Aggiungi',
    all: 'Tutti',
    choose: 'Scegli…',
    none: '—',
    yes: 'Sì',
    no: 'No',
    actions: 'Azioni',
    breadcrumb: 'Percorso di navigazione',
    pagination: 'Paginazione dei risultati',
    previousPage: 'Pagina precedente',
    nextPage: 'Pagina successiva',
    pageOf: (page: number, pages: number) => `Pagina ${page} di ${pages}`,
    opensInNewTab: 'si apre in una nuova scheda',
    unexpectedError: 'Si è verificato un errore imprevisto. Riprova.',
  },
  /** English texts for the server's error codes; in Italian the server's own message is shown. */
  apiErrors: {} as Record<string, string>,
  shell: {
    skipToContent: 'Vai al contenuto principale',
    language: 'Lingua',
    home: 'Home',
    mainMenu: 'Menu principale',
    openMenu: 'Apri il menu',
    closeMenu: 'Chiudi il menu',
    changePassword: 'Cambia password',
    logout: 'Esci',
    footerAbout: 'Piattaforma open source per il welfare di comunità di comuni, Ambiti e terzo settore.',
    footerData: 'Dati dei comuni: ISTAT (CC BY). Le persone dei dati dimostrativi sono inventate.',
    apiDocs: 'Documentazione delle API',
  },
  roles: {
    cittadino: 'Cittadino',
    operatore: 'Operatore',
    assistente_sociale: 'Assistente sociale',
    welfare_manager: 'Welfare manager',
    coordinatore: 'Coordinatore',
    volontario: 'Volontario',
    amministratore: 'Amministratore',
    fornitore: 'Fornitore',
    revisore: 'Revisore',
    esercente: 'Esercente',
  } satisfies Record<RoleName, string>,
  login: {
    title: 'Accedi a Legami',
    lead: 'Inserisci l’email e la password del tuo account.',
    email: 'Email',
    password: 'Password',
    submit: 'Accedi',
    submitting: 'Accesso in corso…',
    demoTitle: 'Account dimostrativi',
    demoText: (password: string) =>
      `Ogni ruolo ha un account di prova con password «${password}». Scegline uno per compilare il modulo.`,
  },
  password: {
    title: 'Cambia password',
    lead: 'Scegli una nuova password per il tuo account.',
    mustChangeLead: 'Stai usando una password temporanea: scegline una nuova per continuare.',
    current: 'Password attuale',
    new: 'Nuova password',
    confirmation: 'Ripeti la nuova password',
    rule: (min: number) => `Almeno ${min} caratteri.`,
    mismatch: 'Le due password non coincidono.',
    submit: 'Cambia password',
    changed: 'Password cambiata.',
  },
  home: {
    title: 'La tua area',
    lead: (name: string, roles: string) => `Ti diamo il benvenuto, ${name} (${roles}).`,
    actionsTitle: 'Servizi disponibili',
    queueTitle: 'Da fare',
    queue: {
      requestsToTriage: 'Richieste da valutare',
      failedDeliveries: 'Consegne non riuscite da decidere',
      tasksToAssign: 'Compiti da assegnare, oggi o in ritardo',
      moneyToReimburseCents: 'Da rimborsare ai volontari',
      tasksToAnswer: 'Compiti da accettare o rifiutare',
      myTasksToday: 'Compiti di oggi ancora da fare',
    },
    upcomingTitle: (role: string) => `In arrivo per il ruolo ${role}`,
    upcoming: {
      cittadino:
        'Presto da qui potrai anche prenotare i servizi del territorio e sostenere le raccolte fondi.',
      operatore: null,
      assistente_sociale: null,
      welfare_manager:
        'Presto da qui potrai orientare i cittadini e prenotare i servizi del catalogo per loro conto.',
      coordinatore: null,
      volontario: null,
      amministratore: null,
      fornitore:
        'Presto da qui potrai pubblicare i tuoi servizi con prezzi e tariffe ISEE e ricevere gli ordini.',
      revisore: null,
      esercente: null,
    } satisfies Record<RoleName, string | null>,
  },
  destinations: {
    catalog: {
      title: 'Servizi del territorio',
      menu: 'Servizi',
      description:
        'Cerca assistenza a domicilio, pasti, trasporti e altri servizi, con il prezzo calcolato per te.',
    },
    myOrders: {
      title: 'I miei ordini',
      menu: 'I miei ordini',
      description: 'I servizi che hai prenotato, a che punto sono e cosa resta da pagare.',
    },
    desk: {
      title: 'Sportello',
      menu: 'Sportello',
      description:
        'Trova la persona, i suoi ordini e richieste; prenota per lei e apri una richiesta di aiuto.',
    },
    accessPoints: {
      title: 'Sportelli di prossimità',
      menu: 'Sportelli',
      description: 'La mappa e gli orari degli sportelli nei quartieri.',
    },
    providerConsole: {
      title: 'Console del fornitore',
      menu: 'Ordini e servizi',
      description: 'Ordini ricevuti da confermare ed erogare, i tuoi servizi e il rendiconto mensile.',
    },
    moderation: {
      title: 'Moderazione dei servizi',
      menu: 'Moderazione',
      description: 'Approva o rifiuta i servizi proposti dai fornitori e i cambi di prezzo.',
    },
    tariffs: {
      title: 'Tariffe dei servizi',
      menu: 'Tariffe',
      description:
        'Le fasce ISEE e i prezzi dei servizi per comune, con l’anteprima di quanto paga un cittadino.',
    },
    voucherRedeem: {
      title: 'Riscuoti un buono spesa',
      menu: 'Riscuoti buoni',
      description: 'Alla cassa: il codice del buono e l’importo, anche parziale; vedi il credito residuo.',
    },
    goods: {
      title: 'Beni e distribuzione',
      menu: 'Beni',
      description:
        'Giacenze dei punti e dei magazzini, donazioni delle aziende, pacchi alimentari, campagne, prestiti ed emporio.',
    },
    programmes: {
      title: 'Buoni spesa e sostegno economico',
      menu: 'Buoni e sostegni',
      description:
        'Programmi di buoni spesa, fondo di solidarietà e fondo affitti: budget, domande e decisioni.',
    },
    cases: {
      title: 'Fascicoli sociali',
      menu: 'Fascicoli',
      description: 'La bacheca dell’équipe: fascicoli, valutazioni, progetti, budget e dimissioni protette.',
    },
    privacy: {
      title: 'Accesso ai dati (GDPR)',
      menu: 'GDPR',
      description: 'Esporta i dati di una persona, in JSON e in PDF, per una richiesta di accesso.',
    },
    funds: {
      title: 'Fondi e progetti',
      menu: 'Fondi',
      description: 'Budget, riparti tra i comuni, spese e stato di avanzamento dei progetti.',
    },
    askHelp: {
      title: 'Chiedi aiuto',
      menu: 'Chiedi aiuto',
      description:
        'Spesa, farmaci, un pasto o un passaggio: per te o per un familiare. Un operatore ti richiama.',
    },
    myRequests: {
      title: 'Le mie richieste',
      menu: 'Le mie richieste',
      description: 'Le richieste di aiuto che hai fatto e a che punto sono.',
    },
    mySupport: {
      title: 'Sostegni economici',
      menu: 'Sostegni economici',
      description:
        'Fondo di solidarietà, fondo affitti e buoni spesa: chiedili online e segui le tue domande.',
    },
    proposePact: {
      title: 'Proponi un patto di collaborazione',
      menu: 'Proponi un patto',
      description: 'Prenditi cura di un giardino, di una piazza o di un cortile insieme al Comune.',
    },
    pactsOffice: {
      title: 'Patti di collaborazione',
      menu: 'Patti',
      description: 'Le proposte di patto dei cittadini, la decisione e la stipula del patto.',
    },
    codesignOffice: {
      title: 'Co-progettazione',
      menu: 'Co-progettazione',
      description: 'Gli avvisi, le proposte degli enti del Terzo Settore e la loro valutazione.',
    },
    socialReport: {
      title: 'Rapporto sociale',
      menu: 'Rapporto sociale',
      description:
        'Genera il rapporto annuale sulle condizioni sociali, scrivi i testi, pubblica il PDF e i dati aperti.',
    },
    dashboard: {
      title: 'Cabina di regia',
      menu: 'Cabina di regia',
      description:
        'Il quadro del giorno con grafici, mappa e tabelle, l’esportazione CSV e il briefing da stampare.',
    },
    protocol: {
      title: 'Protocollo operativo',
      menu: 'Protocollo',
      description:
        'Quale organizzazione è competente per ogni intervento e territorio, con la storia delle versioni.',
    },
    interventionTypes: {
      title: 'Tipi di intervento',
      menu: 'Tipi di intervento',
      description: 'Gli interventi che si possono chiedere, con le loro caratteristiche.',
    },
    requestIntake: {
      title: 'Nuova richiesta',
      menu: 'Nuova richiesta',
      description:
        'Registra una richiesta di aiuto arrivata al telefono: codice fiscale, tipo di intervento, invio.',
    },
    requests: {
      title: 'Richieste di aiuto',
      menu: 'Richieste',
      description: 'Le richieste da valutare e da seguire, con il loro stato e a chi sono affidate.',
    },
    myTasks: {
      title: 'I miei compiti di oggi',
      menu: 'I miei compiti',
      description:
        'Le consegne di oggi: accettale, chiama la persona, segna com’è andata e la spesa anticipata.',
    },
    tasks: {
      title: 'Compiti dei volontari',
      menu: 'Compiti',
      description: 'Assegna i compiti aperti ai volontari suggeriti e rimborsa le spese anticipate.',
    },
    volunteers: {
      title: 'Volontari',
      menu: 'Volontari',
      description: 'Esamina le offerte di disponibilità e aggiorna competenze, orari e zone dei volontari.',
    },
    volunteerImport: {
      title: 'Importa volontari',
      menu: 'Importa volontari',
      description: 'Carica l’elenco dei volontari di un’associazione da un file Excel o CSV.',
    },
    volunteerOffer: {
      title: 'Diventa volontario',
      menu: 'Diventa volontario',
      description: 'Offri un po’ del tuo tempo per la spesa, i farmaci o un accompagnamento nel tuo comune.',
    },
    peopleSearch: {
      title: 'Cerca persona',
      menu: 'Persone',
      description: 'Trova una persona per nome, codice fiscale o telefono e apri la sua scheda.',
    },
    personCreate: {
      title: 'Nuova persona',
      menu: 'Nuova persona',
      description: 'Registra una persona nell’anagrafe, con controllo dei duplicati.',
    },
    organizations: {
      title: 'Organizzazioni',
      menu: 'Organizzazioni',
      description: 'Comuni, Ambiti, associazioni, cooperative ed enti che operano sul territorio.',
    },
    organizationCreate: {
      title: 'Nuova organizzazione',
      menu: 'Nuova organizzazione',
      description: 'Registra un’organizzazione del territorio.',
    },
    comuni: {
      title: 'Comuni e Ambiti',
      menu: 'Comuni',
      description: 'I comuni della provincia per Ambito, con popolazione e mappa.',
    },
    users: {
      title: 'Utenti',
      menu: 'Utenti',
      description: 'Crea gli account, assegna ruoli e territori, reimposta le password.',
    },
    audit: {
      title: 'Registro accessi',
      menu: 'Registro accessi',
      description: 'Chi ha letto o modificato quali dati personali, quando e con quale ruolo.',
    },
    rounds: {
      title: 'Pianifica i giri',
      menu: 'Giri',
      description:
        'Calcola i giri di consegna di un giorno, correggili sulla mappa e pubblicali ai volontari.',
    },
    myRound: {
      title: 'Il mio giro',
      menu: 'Il mio giro',
      description: 'Le tappe del tuo giro in ordine, con orario, telefono e indicazioni stradali.',
    },
  },
  errorsPage: {
    forbiddenTitle: 'Accesso non consentito',
    forbiddenLead: 'Il tuo ruolo non consente di aprire questa pagina.',
    notFoundTitle: 'Pagina non trovata',
    notFoundLead: 'L’indirizzo non corrisponde a nessuna pagina di Legami.',
    backHome: 'Torna alla tua area',
  },
  offline: {
    banner:
      'Sei senza rete: vedi i compiti salvati sul telefono. Gli esiti che registri saranno inviati appena torna la rete.',
    queued: 'Esito salvato sul telefono: sarà inviato appena torna la rete.',
    waiting: (outcome: string, money: string | null) =>
      `In attesa di rete: ${outcome}${money ? ` · ${money}` : ''}`,
    waitingCount: (n: number) => (n === 1 ? '1 esito in attesa di rete.' : `${n} esiti in attesa di rete.`),
    conflictsTitle: 'Esiti non registrati',
    conflictGone: (name: string) =>
      `Il compito per ${name} non è più tuo (è stato riassegnato o annullato mentre eri senza rete): l’esito che avevi segnato non è stato registrato. Avvisa il coordinatore.`,
    conflictClosed: (name: string) =>
      `Il compito per ${name} è stato chiuso o annullato mentre eri senza rete: l’esito che avevi segnato non è stato registrato. Avvisa il coordinatore.`,
    conflictOther: (name: string, message: string) =>
      `L’esito per ${name} non è stato registrato: ${message}`,
    dismiss: 'Ho capito',
  },
  citizen: {
    askTitle: 'Chiedi aiuto',
    askLead:
      'Hai bisogno della spesa, dei farmaci, di un pasto o di un passaggio? Compila il modulo: un operatore del Comune lo legge e ti richiama.',
    forWhom: 'Per chi chiedi aiuto?',
    forMe: 'Per me',
    forRelative: 'Per un familiare o una persona che conosco',
    need: 'Di che cosa c’è bisogno?',
    description: 'Raccontaci in poche parole',
    descriptionHint:
      'Per esempio: la spesa per la settimana, le medicine della ricetta, un passaggio per una visita.',
    descriptionShort: 'Scrivi almeno qualche parola.',
    when: 'Quando ti serve?',
    phone: 'Il tuo numero di telefono',
    phoneHint: 'Ti chiamiamo a questo numero per organizzare l’aiuto.',
    relativeTitle: 'La persona che ha bisogno',
    relativeHint: 'Se non è ancora registrata, la registriamo noi: l’operatore controllerà i dati con te.',
    givenName: 'Nome',
    familyName: 'Cognome',
    birthDate: 'Data di nascita',
    sex: 'Sesso',
    sexF: 'Femmina',
    sexM: 'Maschio',
    codiceFiscale: 'Codice fiscale (se lo conosci)',
    comune: 'Comune dove abita',
    address: 'Indirizzo',
    relativePhone: 'Il suo numero di telefono',
    consent:
      'Acconsento al trattamento dei dati personali, miei e della persona per cui chiedo aiuto, per organizzare l’aiuto richiesto.',
    consentRequired: 'Per inviare la richiesta serve il consenso.',
    typeRequired: 'Scegli di che cosa c’è bisogno.',
    submit: 'Invia la richiesta',
    sent: 'Richiesta inviata. Un operatore la legge e ti richiama.',
    mineTitle: 'Le mie richieste',
    mineLead: 'Le richieste di aiuto che hai fatto, per te o per altri, e a che punto sono.',
    mineEmpty: 'Non hai ancora fatto richieste.',
    mineCount: (n: number) => `${n} ${plural(n, 'richiesta', 'richieste')}`,
    askAgain: 'Chiedi aiuto',
    forPerson: (name: string) => `Per ${name}`,
    askedOn: (date: string) => `Chiesta il ${date}`,
    wantedOn: (date: string) => `Per il ${date}`,
    statusText: {
      new: 'La stiamo leggendo: un operatore ti richiamerà.',
      accepted: 'Accolta: se ne occupa',
      rejected: 'Non è stato possibile accoglierla.',
      completed: 'Fatto: l’aiuto è arrivato.',
      cancelled: 'Annullata.',
      closed: 'Chiusa: non è stato possibile portare l’aiuto.',
    } satisfies Record<RequestStatus, string>,
    reason: (reason: string) => `Motivo: ${reason}`,
  },
  site: siteIt,
};

/** What every page has in Italian. */
export type CoreMessages = typeof it;

/** The whole interface: the core and every module's own words. */
export type Messages = CoreMessages &
  typeof peopleIt &
  typeof organizationsIt &
  typeof territoryIt &
  typeof adminIt &
  typeof roundsIt &
  typeof requestsIt &
  typeof tasksIt &
  typeof volunteersIt &
  typeof protocolIt &
  typeof dashboardIt &
  typeof legalIt & {
    funds: typeof fundsIt;
    reports: typeof reportsIt;
    vouchers: typeof vouchersIt;
    goods: typeof goodsIt;
    cases: typeof casesIt;
    catalog: typeof catalogIt;
    pacts: typeof pactsIt;
  };
