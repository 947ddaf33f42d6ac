import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type { TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';
import { insertUserWithMembership } from '../accounts/index.js';
import { insertOrganization } from '../organizations/organizations.repository.js';
import * as repo from './catalog.repository.js';
import { buildNoticeNumber, iuvBaseOf } from './catalog.pagopa.js';
import { priceForCitizen, type IseeFacts } from './catalog.tariff.js';
import { serviceSearchText } from './catalog.service.js';
import { periodKeyOf } from './catalog.orders.rules.js';

/*
 * Demo catalogue of WelfareXCremona (seed 001): the platform run by Consorzio Sol.Co with CGM and
 * CGMoving and the Comune di Cremona. Providers are the cooperatives named in the seeds (Sol.Co,
 * the Igea partnership of seed 002 with Meraki, Sentiero and the Fondazione Brunenghi, adherents of
 * Fare Legami in seed 004); the services, prices and access points are made up for the demo.
 * Tariffs: the Ambito Cremasco's 2021 home-care bands (La Provincia di Cremona, 23 Jan 2021) and, for
 * Cremona, the Cassano d'Adda home-care schedule applied as an example (Cremona's own is not in the seeds).
 */

type Scope = 'CREMONA' | 'CREMA' | string[];

interface DemoProvider {
  name: string;
  kind: 'social_cooperative' | 'company' | 'comune' | 'foundation';
  ambitoId: string | null;
  comuneCode: string | null;
  serves: Scope;
  description: string;
  segregationCode: string;
}

const CREMONA = '019036';
const CREMA = '019035';

const NEW_PROVIDERS: DemoProvider[] = [
  {
    name: 'Consorzio Sol.Co Cremona',
    kind: 'social_cooperative',
    ambitoId: 'CREMONA',
    comuneCode: null,
    serves: 'CREMONA',
    description: 'Consorzio di cooperative sociali che conduce WelfareXCremona con il gruppo Cgm e Cgmoving.',
    segregationCode: '11',
  },
  {
    name: 'Nazareth società cooperativa sociale',
    kind: 'social_cooperative',
    ambitoId: 'CREMONA',
    comuneCode: null,
    serves: 'CREMONA',
    description: 'Cooperativa sociale di servizi educativi e di cura, aderente a Fare Legami.',
    segregationCode: '12',
  },
  {
    name: 'Iride società cooperativa sociale',
    kind: 'social_cooperative',
    ambitoId: 'CREMONA',
    comuneCode: null,
    serves: 'CREMONA',
    description: 'Cooperativa sociale di inserimento lavorativo: pulizie, facchinaggio, manutenzioni.',
    segregationCode: '13',
  },
  {
    name: 'Prontocura società cooperativa sociale',
    kind: 'social_cooperative',
    ambitoId: 'CREMONA',
    comuneCode: null,
    serves: 'CREMONA',
    description: 'Cooperativa sociale di assistenza domiciliare e servizi sanitari territoriali.',
    segregationCode: '14',
  },
  {
    name: 'La Culla società cooperativa sociale',
    kind: 'social_cooperative',
    ambitoId: 'CREMONA',
    comuneCode: null,
    serves: 'CREMONA',
    description: 'Cooperativa sociale di servizi per l’infanzia e le famiglie.',
    segregationCode: '15',
  },
];

// Existing demo organisations (demo.data.ts) that also publish services.
const EXISTING_PROVIDERS: Omit<DemoProvider, 'kind' | 'ambitoId' | 'comuneCode'>[] = [
  {
    name: 'Cooperativa sociale Igea',
    serves: 'CREMA',
    description:
      'Capofila della partnership per i servizi domiciliari agli anziani fragili dell’Ambito Cremasco (PNRR).',
    segregationCode: '21',
  },
  {
    name: 'Cooperativa sociale Meraki',
    serves: 'CREMA',
    description: 'Cooperativa sociale del Cremasco: servizi educativi, famiglie, tempo libero.',
    segregationCode: '22',
  },
  {
    name: 'Cooperativa sociale Sentiero',
    serves: 'CREMA',
    description: 'Cooperativa sociale del Cremasco: segretariato sociale, mediazione, casa.',
    segregationCode: '23',
  },
  {
    name: 'Fondazione Brunenghi di Castelleone',
    serves: ['019025', CREMA, '019062', '019097'],
    description: 'Fondazione socio-sanitaria di Castelleone: centro diurno e servizi per anziani.',
    segregationCode: '24',
  },
  {
    name: 'Comune di Cremona – Settore Politiche Sociali',
    serves: [CREMONA],
    description: 'Servizi sociali del Comune di Cremona.',
    segregationCode: '01',
  },
];

type Unit = 'hour' | 'meal' | 'trip' | 'session' | 'month' | 'service';

interface DemoService {
  provider: string;
  category: string;
  name: string;
  description: string;
  targets: string[];
  unit: Unit;
  list: number;
  capped: number;
  comuni: Scope;
  base: string;
  schedule: string;
  capacity?: [number, 'day' | 'week' | 'month'];
  municipal?: 'saap' | 'disabled_transport' | 'conciliazione' | true;
  documents?: string[];
}

const SOLCO = 'Consorzio Sol.Co Cremona';
const IGEA = 'Cooperativa sociale Igea';
const MERAKI = 'Cooperativa sociale Meraki';
const SENTIERO = 'Cooperativa sociale Sentiero';
const NAZARETH = 'Nazareth società cooperativa sociale';
const IRIDE = 'Iride società cooperativa sociale';
const PRONTOCURA = 'Prontocura società cooperativa sociale';
const CULLA = 'La Culla società cooperativa sociale';
const BRUNENGHI = 'Fondazione Brunenghi di Castelleone';
const COMUNE_CR = 'Comune di Cremona – Settore Politiche Sociali';
const ISEE_DOC = 'Attestazione ISEE in corso di validità (per la tariffa agevolata)';

const SERVICES: DemoService[] = [
  // Sanità territoriale
  {
    provider: PRONTOCURA,
    category: 'sanita_territoriale',
    name: 'Infermiere a domicilio',
    description:
      'Prestazioni infermieristiche a casa: medicazioni, iniezioni, gestione di cateteri, controllo dei parametri.',
    targets: ['anziani', 'disabili', 'adulti'],
    unit: 'session',
    list: 3500,
    capped: 2800,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–sabato 7:00–19:00',
    capacity: [120, 'month'],
  },
  {
    provider: PRONTOCURA,
    category: 'sanita_territoriale',
    name: 'Prelievi del sangue a domicilio',
    description: 'Prelievo a casa con consegna dei campioni al laboratorio convenzionato e referto online.',
    targets: ['anziani', 'disabili'],
    unit: 'session',
    list: 2500,
    capped: 1800,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–venerdì 7:00–10:00',
    capacity: [15, 'day'],
  },
  {
    provider: IGEA,
    category: 'sanita_territoriale',
    name: 'Fisioterapia a domicilio',
    description: 'Sedute di fisioterapia e riabilitazione motoria a casa dopo un ricovero o una frattura.',
    targets: ['anziani', 'adulti'],
    unit: 'session',
    list: 4500,
    capped: 3500,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Lunedì–venerdì 8:00–18:00',
    capacity: [80, 'month'],
  },
  // Didattica a distanza
  {
    provider: SOLCO,
    category: 'didattica_distanza',
    name: 'Tablet in comodato per la didattica a distanza',
    description:
      'Tablet con connessione dati in comodato d’uso gratuito per studenti che seguono le lezioni da casa.',
    targets: ['ragazzi', 'famiglie'],
    unit: 'month',
    list: 1500,
    capped: 0,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Consegna entro 3 giorni lavorativi',
    capacity: [40, 'month'],
  },
  {
    provider: MERAKI,
    category: 'didattica_distanza',
    name: 'Tutor per i compiti online',
    description:
      'Un educatore segue in videochiamata lo studente nei compiti e nell’organizzazione dello studio.',
    targets: ['ragazzi', 'bambini'],
    unit: 'hour',
    list: 2000,
    capped: 1400,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Lunedì–venerdì 14:30–18:30',
  },
  // Assistenza domiciliare
  {
    provider: IGEA,
    category: 'assistenza_domiciliare',
    name: 'Assistenza domiciliare anziani (SAD)',
    description:
      'Aiuto nell’igiene personale, nella cura della casa e nella spesa per anziani non autosufficienti, con operatori socio-sanitari.',
    targets: ['anziani'],
    unit: 'hour',
    list: 2200,
    capped: 1600,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Tutti i giorni 7:00–20:00',
    capacity: [400, 'month'],
    documents: ['Attestazione ISEE sociosanitario'],
  },
  {
    provider: PRONTOCURA,
    category: 'assistenza_domiciliare',
    name: 'Assistenza domiciliare e igiene della persona',
    description:
      'Operatori socio-sanitari a domicilio per l’igiene, la mobilizzazione e la compagnia di persone fragili.',
    targets: ['anziani', 'disabili'],
    unit: 'hour',
    list: 2300,
    capped: 1800,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Tutti i giorni 7:00–21:00',
    capacity: [500, 'month'],
    documents: [ISEE_DOC],
  },
  {
    provider: SOLCO,
    category: 'assistenza_domiciliare',
    name: 'Assistente familiare (badante) qualificata',
    description:
      'Selezione, formazione e affiancamento di un’assistente familiare, con sostituzioni in caso di assenza.',
    targets: ['anziani', 'famiglie'],
    unit: 'month',
    list: 25000,
    capped: 19000,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Colloquio entro una settimana',
  },
  {
    provider: IGEA,
    category: 'assistenza_domiciliare',
    name: 'Sollievo notturno a domicilio',
    description:
      'Un operatore passa la notte a casa della persona non autosufficiente per dare sollievo ai familiari.',
    targets: ['anziani', 'famiglie'],
    unit: 'service',
    list: 12000,
    capped: 9500,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Notti dalle 21:00 alle 7:00',
    capacity: [20, 'month'],
  },
  // Pasti a domicilio
  {
    provider: SOLCO,
    category: 'pasti_domicilio',
    name: 'Pasti a domicilio – Cremona',
    description:
      'Pranzo caldo consegnato a casa dal lunedì al sabato, con menù per diete speciali (diabetici, senza glutine, frullati).',
    targets: ['anziani', 'disabili'],
    unit: 'meal',
    list: 900,
    capped: 700,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–sabato, consegna 11:30–13:00',
    capacity: [3000, 'month'],
    documents: [ISEE_DOC],
  },
  {
    provider: IGEA,
    category: 'pasti_domicilio',
    name: 'Pasti a domicilio – Crema',
    description:
      'Pasti caldi preparati ogni giorno e consegnati a casa agli anziani del Cremasco, anche la domenica su richiesta.',
    targets: ['anziani'],
    unit: 'meal',
    list: 950,
    capped: 720,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Tutti i giorni, consegna 11:30–13:00',
    capacity: [2500, 'month'],
    documents: [ISEE_DOC],
  },
  {
    provider: BRUNENGHI,
    category: 'pasti_domicilio',
    name: 'Pasto e cena a domicilio dalla cucina della Fondazione',
    description:
      'Pranzo e cena preparati dalla cucina della Fondazione e consegnati a Castelleone e nei comuni vicini.',
    targets: ['anziani'],
    unit: 'meal',
    list: 1100,
    capped: 850,
    comuni: ['019025', CREMA, '019062', '019097'],
    base: '019025',
    schedule: 'Tutti i giorni 11:30–12:30 e 18:00–19:00',
  },
  // Facchinaggio
  {
    provider: IRIDE,
    category: 'facchinaggio',
    name: 'Piccoli traslochi e sgomberi',
    description:
      'Trasporto di mobili e scatoloni, sgombero di cantine e solai, smontaggio e montaggio di arredi.',
    targets: ['tutti'],
    unit: 'hour',
    list: 4000,
    capped: 3000,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–sabato su appuntamento',
  },
  {
    provider: SENTIERO,
    category: 'facchinaggio',
    name: 'Trasporto mobili e facchinaggio',
    description: 'Due operatori con furgone per spostare mobili, elettrodomestici e carichi pesanti.',
    targets: ['tutti'],
    unit: 'hour',
    list: 4500,
    capped: 3400,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Lunedì–venerdì su appuntamento',
  },
  // Sanificazioni
  {
    provider: IRIDE,
    category: 'sanificazioni',
    name: 'Sanificazione dell’abitazione',
    description:
      'Sanificazione di ambienti domestici con prodotti certificati, anche dopo un caso di malattia infettiva.',
    targets: ['tutti'],
    unit: 'service',
    list: 12000,
    capped: 9000,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Intervento entro 48 ore',
  },
  {
    provider: IRIDE,
    category: 'sanificazioni',
    name: 'Pulizie domestiche',
    description: 'Pulizie ordinarie e straordinarie della casa per chi non riesce a farle da sé.',
    targets: ['anziani', 'disabili', 'famiglie'],
    unit: 'hour',
    list: 2000,
    capped: 1500,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–sabato 8:00–18:00',
  },
  {
    provider: SENTIERO,
    category: 'sanificazioni',
    name: 'Pulizie e igienizzazione a domicilio',
    description: 'Pulizia e igienizzazione della casa con personale formato, prodotti inclusi.',
    targets: ['tutti'],
    unit: 'hour',
    list: 2100,
    capped: 1600,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Lunedì–sabato 8:00–18:00',
  },
  // Mediazione familiare
  {
    provider: NAZARETH,
    category: 'mediazione_familiare',
    name: 'Mediazione familiare per genitori separati',
    description:
      'Percorso con un mediatore per riorganizzare le relazioni familiari e gli accordi sui figli durante la separazione.',
    targets: ['famiglie'],
    unit: 'session',
    list: 7000,
    capped: 4500,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Su appuntamento, anche il sabato mattina',
    capacity: [40, 'month'],
  },
  {
    provider: SENTIERO,
    category: 'mediazione_familiare',
    name: 'Mediazione dei conflitti in famiglia',
    description:
      'Incontri di mediazione tra familiari per conflitti legati alla cura di un anziano o all’eredità.',
    targets: ['famiglie', 'adulti'],
    unit: 'session',
    list: 6500,
    capped: 4200,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Su appuntamento',
  },
  // Segretariato sociale
  {
    provider: SOLCO,
    category: 'segretariato_sociale',
    name: 'Orientamento ai servizi e alle pratiche',
    description:
      'Un welfare manager ascolta la richiesta, orienta ai servizi e aiuta con le domande online (bonus, ISEE, SPID).',
    targets: ['tutti'],
    unit: 'session',
    list: 0,
    capped: 0,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Negli orari degli sportelli di prossimità',
  },
  {
    provider: SENTIERO,
    category: 'segretariato_sociale',
    name: 'Sportello pratiche e assistenza digitale',
    description: 'Aiuto per SPID, fascicolo sanitario, domande di bonus e prenotazioni online.',
    targets: ['anziani', 'adulti'],
    unit: 'session',
    list: 1500,
    capped: 500,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Martedì e giovedì 9:00–12:30',
  },
  // Bambini
  {
    provider: CULLA,
    category: 'servizi_bambini',
    name: 'Babysitter qualificata a domicilio',
    description: 'Educatrici per la cura dei bambini a casa, anche per poche ore o in caso di malattia.',
    targets: ['bambini', 'famiglie'],
    unit: 'hour',
    list: 1400,
    capped: 1100,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Tutti i giorni 7:00–22:00',
  },
  {
    provider: CULLA,
    category: 'servizi_bambini',
    name: 'Centro estivo per bambini 3–6 anni',
    description: 'Centro estivo con attività all’aperto, laboratori e pranzo.',
    targets: ['bambini'],
    unit: 'month',
    list: 45000,
    capped: 32000,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Luglio, lunedì–venerdì 7:30–16:30',
    capacity: [60, 'month'],
  },
  {
    provider: MERAKI,
    category: 'servizi_bambini',
    name: 'Doposcuola e aiuto compiti',
    description: 'Doposcuola in piccoli gruppi con merenda, aiuto compiti e giochi.',
    targets: ['bambini', 'ragazzi'],
    unit: 'month',
    list: 15000,
    capped: 11000,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Lunedì–venerdì 14:00–18:00',
    capacity: [30, 'month'],
  },
  // Anziani
  {
    provider: SOLCO,
    category: 'servizi_anziani',
    name: 'Compagnia e accompagnamento per anziani',
    description: 'Un operatore fa compagnia, accompagna a passeggio, a fare la spesa o alle visite mediche.',
    targets: ['anziani'],
    unit: 'hour',
    list: 1800,
    capped: 1300,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–sabato 8:00–19:00',
  },
  {
    provider: PRONTOCURA,
    category: 'servizi_anziani',
    name: 'Telesoccorso',
    description:
      'Dispositivo da polso collegato a una centrale attiva 24 ore su 24 che avvisa familiari e soccorsi.',
    targets: ['anziani', 'disabili'],
    unit: 'month',
    list: 2500,
    capped: 1500,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Attivo 24 ore su 24',
  },
  {
    provider: BRUNENGHI,
    category: 'servizi_anziani',
    name: 'Centro diurno integrato',
    description:
      'Accoglienza diurna con attività, pasti, assistenza e controllo infermieristico per anziani.',
    targets: ['anziani'],
    unit: 'service',
    list: 4500,
    capped: 3600,
    comuni: ['019025', CREMA, '019062', '019097'],
    base: '019025',
    schedule: 'Lunedì–venerdì 8:30–17:30',
    capacity: [25, 'day'],
  },
  {
    provider: IGEA,
    category: 'servizi_anziani',
    name: 'Custode sociale per anziani soli',
    description: 'Visite e telefonate periodiche a chi vive solo, con attivazione dei servizi quando serve.',
    targets: ['anziani'],
    unit: 'month',
    list: 3000,
    capped: 1500,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Una visita a settimana e una telefonata al giorno',
  },
  // Famiglie
  {
    provider: NAZARETH,
    category: 'servizi_famiglie',
    name: 'Consulenza educativa per genitori',
    description:
      'Colloqui con un pedagogista per affrontare difficoltà educative con figli piccoli o adolescenti.',
    targets: ['famiglie'],
    unit: 'session',
    list: 6000,
    capped: 3500,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Su appuntamento',
  },
  {
    provider: MERAKI,
    category: 'servizi_famiglie',
    name: 'Spazio famiglie 0–3 anni',
    description: 'Incontri per genitori e bambini piccoli con educatrici: gioco, confronto, consigli.',
    targets: ['famiglie', 'bambini'],
    unit: 'session',
    list: 800,
    capped: 500,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Mercoledì e sabato 9:30–11:30',
    capacity: [20, 'day'],
  },
  // Casa
  {
    provider: IRIDE,
    category: 'servizi_casa',
    name: 'Piccole riparazioni domestiche',
    description: 'Un tuttofare per piccoli lavori: rubinetti, lampadine, tapparelle, mensole.',
    targets: ['anziani', 'tutti'],
    unit: 'hour',
    list: 3000,
    capped: 2200,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Lunedì–venerdì su appuntamento',
  },
  {
    provider: IRIDE,
    category: 'servizi_casa',
    name: 'Lavanderia e stireria con ritiro a domicilio',
    description: 'Ritiro e riconsegna a casa di biancheria da lavare e stirare.',
    targets: ['anziani', 'famiglie'],
    unit: 'service',
    list: 1800,
    capped: 1300,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Ritiro il lunedì, consegna il giovedì',
  },
  {
    provider: SENTIERO,
    category: 'servizi_casa',
    name: 'Manutenzione del verde e giardinaggio',
    description: 'Taglio dell’erba, potature e pulizia di giardini e cortili.',
    targets: ['tutti'],
    unit: 'hour',
    list: 2800,
    capped: 2100,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Aprile–ottobre su appuntamento',
  },
  // Tempo libero
  {
    provider: SOLCO,
    category: 'tempo_libero',
    name: 'Ginnastica dolce per la terza età',
    description: 'Corso di ginnastica dolce in piccoli gruppi con un istruttore, in palestra o al parco.',
    targets: ['anziani'],
    unit: 'month',
    list: 3000,
    capped: 2000,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Martedì e venerdì 10:00–11:00',
    capacity: [25, 'month'],
  },
  {
    provider: MERAKI,
    category: 'tempo_libero',
    name: 'Laboratori creativi per ragazzi',
    description: 'Laboratori di teatro, musica e fumetto per ragazzi dagli 11 ai 17 anni.',
    targets: ['ragazzi'],
    unit: 'month',
    list: 4000,
    capped: 2800,
    comuni: 'CREMA',
    base: CREMA,
    schedule: 'Sabato 15:00–18:00',
    capacity: [20, 'month'],
  },
  {
    provider: NAZARETH,
    category: 'tempo_libero',
    name: 'Gite e uscite accompagnate per persone con disabilità',
    description: 'Uscite di gruppo accompagnate da educatori: musei, mercati, eventi in città.',
    targets: ['disabili'],
    unit: 'trip',
    list: 3500,
    capped: 2500,
    comuni: 'CREMONA',
    base: CREMONA,
    schedule: 'Una domenica al mese',
  },
  // Servizi comunali del Comune di Cremona
  {
    provider: COMUNE_CR,
    category: 'saap',
    name: 'SAAP – Assistenza per l’autonomia personale degli alunni con disabilità',
    description:
      'Educatori a scuola per l’autonomia personale e la comunicazione degli alunni con disabilità certificata, nelle scuole di Cremona.',
    targets: ['bambini', 'ragazzi', 'disabili'],
    unit: 'hour',
    list: 0,
    capped: 0,
    comuni: [CREMONA],
    base: CREMONA,
    schedule: 'Durante l’orario scolastico',
    municipal: 'saap',
    documents: ['Certificazione di disabilità (L. 104/1992)', 'Certificato di iscrizione scolastica'],
  },
  {
    provider: COMUNE_CR,
    category: 'trasporto_disabili',
    name: 'Trasporto per persone con disabilità',
    description: 'Trasporto accompagnato con mezzi attrezzati verso scuole, centri diurni e luoghi di cura.',
    targets: ['disabili'],
    unit: 'trip',
    list: 0,
    capped: 0,
    comuni: [CREMONA],
    base: CREMONA,
    schedule: 'Lunedì–sabato 7:00–19:00, prenotazione con 48 ore di anticipo',
    municipal: 'disabled_transport',
    capacity: [60, 'day'],
    documents: ['Certificazione di disabilità (L. 104/1992)'],
  },
  {
    provider: COMUNE_CR,
    category: 'conciliazione',
    name: 'Conciliazione vita–lavoro: pre e post scuola',
    description:
      'Accoglienza dei bambini prima e dopo l’orario scolastico per le famiglie in cui i genitori lavorano.',
    targets: ['bambini', 'famiglie'],
    unit: 'month',
    list: 0,
    capped: 0,
    comuni: [CREMONA],
    base: CREMONA,
    schedule: 'Scuole primarie: 7:30–8:30 e 16:30–18:00',
    municipal: 'conciliazione',
    capacity: [200, 'month'],
    documents: ['Dichiarazione del datore di lavoro'],
  },
  {
    provider: COMUNE_CR,
    category: 'conciliazione',
    name: 'Conciliazione vita–lavoro: voucher baby-sitting',
    description: 'Ore di baby-sitting a domicilio per i genitori lavoratori con turni o orari serali.',
    targets: ['bambini', 'famiglie'],
    unit: 'hour',
    list: 0,
    capped: 0,
    comuni: [CREMONA],
    base: CREMONA,
    schedule: 'Tutti i giorni 7:00–22:00',
    municipal: 'conciliazione',
    documents: ['Dichiarazione del datore di lavoro'],
  },
  {
    provider: COMUNE_CR,
    category: 'segretariato_sociale',
    name: 'Segretariato sociale del Comune di Cremona',
    description:
      'Informazione e orientamento sui servizi sociali comunali, sulle misure di sostegno al reddito e sulle pratiche.',
    targets: ['tutti'],
    unit: 'session',
    list: 0,
    capped: 0,
    comuni: [CREMONA],
    base: CREMONA,
    schedule: 'Lunedì–venerdì 9:00–12:00, giovedì anche 14:30–16:30',
    municipal: true,
  },
];

const euro = (e: number) => Math.round(e * 100);

/*
 * Ambito Cremasco, home care (SAD), tariff plan 2021 (La Provincia di Cremona, 23 Jan 2021): free up
 * to an ISEE of €3,000; €3,001–6,000; €6,000–20,000; full tariff above, "fino a 16 euro all'ora".
 * The article gives the 2021 increases (+€0.10, +€0.20, +€0.80 an hour, "di poco superiore al 5%"),
 * from which the hourly rates €2.00, €4.00 and €16.00 follow. The tariff tests check it band by band.
 */
export const AMBITO_CREMASCO_SAD_2021: TariffRule = {
  iseeTypes: ['sociosanitario', 'ordinario'],
  bands: [
    {
      fromCents: 0,
      fromInclusive: true,
      toCents: euro(3000),
      toInclusive: true,
      price: { kind: 'free' },
    },
    {
      fromCents: euro(3000),
      fromInclusive: false,
      toCents: euro(6000),
      toInclusive: true,
      price: { kind: 'fixed', cents: 200 },
    },
    {
      fromCents: euro(6000),
      fromInclusive: false,
      toCents: euro(20000),
      toInclusive: true,
      price: { kind: 'fixed', cents: 400 },
    },
  ],
  fullTariffCents: 1600,
  noIseeCents: null,
  invalidIsee: 'full_tariff',
};

/*
 * Cassano d'Adda, home care: free up to €3,000; €2–5 an hour (linear) up to €7,500; €5–18 an hour
 * up to €20,000; €18 above; €20 without an ISEE (or with one not valid).
 */
export const CASSANO_DADDA_SAD: TariffRule = {
  iseeTypes: ['sociosanitario', 'ordinario'],
  bands: [
    {
      fromCents: 0,
      fromInclusive: true,
      toCents: euro(3000),
      toInclusive: true,
      price: { kind: 'free' },
    },
    {
      fromCents: euro(3000),
      fromInclusive: false,
      toCents: euro(7500),
      toInclusive: true,
      price: { kind: 'linear', minCents: 200, maxCents: 500 },
    },
    {
      fromCents: euro(7500),
      fromInclusive: false,
      toCents: euro(20000),
      toInclusive: true,
      price: { kind: 'linear', minCents: 500, maxCents: 1800 },
    },
  ],
  fullTariffCents: 1800,
  noIseeCents: 2000,
  invalidIsee: 'no_isee_price',
};

const TARIFFS: {
  scopeType: 'comune' | 'ambito';
  scopeId: string;
  category: string;
  name: string;
  source: string;
  rule: TariffRule;
}[] = [
  {
    scopeType: 'ambito',
    scopeId: 'CREMA',
    category: 'assistenza_domiciliare',
    name: 'Assistenza domiciliare (SAD) – piano tariffario 2021 dell’Ambito Cremasco',
    source:
      'La Provincia di Cremona, 23 gennaio 2021: gratuito fino a 3.000 €; fasce 3.001–6.000 e 6.000–20.000 €; oltre, tariffa piena («fino a 16 euro all’ora»). Tariffe orarie ricavate dagli aumenti del 2021 (+0,10, +0,20, +0,80 €, poco più del 5%).',
    rule: AMBITO_CREMASCO_SAD_2021,
  },
  {
    scopeType: 'comune',
    scopeId: CREMONA,
    category: 'assistenza_domiciliare',
    name: 'Assistenza domiciliare – Cremona (esempio: schema del Comune di Cassano d’Adda)',
    source:
      'Schema tariffario del Comune di Cassano d’Adda applicato a titolo dimostrativo: gratuito fino a 3.000 €, 2–5 €/h lineare fino a 7.500 €, 5–18 €/h fino a 20.000 €, 18 € oltre, 20 € senza ISEE.',
    rule: CASSANO_DADDA_SAD,
  },
  {
    scopeType: 'comune',
    scopeId: CREMONA,
    category: 'pasti_domicilio',
    name: 'Pasti a domicilio – Cremona (tariffa dimostrativa)',
    source: 'Valori dimostrativi, non deliberati dal Comune di Cremona.',
    rule: {
      iseeTypes: ['ordinario'],
      bands: [
        {
          fromCents: 0,
          fromInclusive: true,
          toCents: euro(6000),
          toInclusive: true,
          price: { kind: 'fixed', cents: 250 },
        },
        {
          fromCents: euro(6000),
          fromInclusive: false,
          toCents: euro(15000),
          toInclusive: true,
          price: { kind: 'linear', minCents: 250, maxCents: 550 },
        },
      ],
      fullTariffCents: 700,
      noIseeCents: 700,
      invalidIsee: 'full_tariff',
    },
  },
  {
    scopeType: 'comune',
    scopeId: CREMA,
    category: 'pasti_domicilio',
    name: 'Pasti a domicilio – Crema (tariffa dimostrativa)',
    source: 'Valori dimostrativi, non deliberati dal Comune di Crema.',
    rule: {
      iseeTypes: ['ordinario'],
      bands: [
        {
          fromCents: 0,
          fromInclusive: true,
          toCents: euro(5000),
          toInclusive: false,
          price: { kind: 'fixed', cents: 300 },
        },
        {
          fromCents: euro(5000),
          fromInclusive: true,
          toCents: euro(18000),
          toInclusive: true,
          price: { kind: 'linear', minCents: 300, maxCents: 620 },
        },
      ],
      fullTariffCents: 720,
      noIseeCents: null,
      invalidIsee: 'full_tariff',
    },
  },
];

// Five proximity access points in Cremona's neighbourhoods (addresses and coordinates approximate).
const ACCESS_POINTS = [
  {
    name: 'Sportello di prossimità Centro',
    neighbourhood: 'Centro',
    address: 'Via Palestro 11',
    latitude: 45.1358,
    longitude: 10.0235,
    organization: SOLCO,
    kind: 'private' as const,
  },
  {
    name: 'Sportello di prossimità Cambonino',
    neighbourhood: 'Cambonino',
    address: 'Via Panfilo Nuvolone 1',
    latitude: 45.1498,
    longitude: 10.0075,
    organization: COMUNE_CR,
    kind: 'public' as const,
  },
  {
    name: 'Sportello di prossimità Zaist',
    neighbourhood: 'Zaist',
    address: 'Via Zaist 41',
    latitude: 45.1445,
    longitude: 10.0488,
    organization: SOLCO,
    kind: 'private' as const,
  },
  {
    name: 'Sportello di prossimità Borgo Loreto',
    neighbourhood: 'Borgo Loreto',
    address: 'Via Brescia 22',
    latitude: 45.1497,
    longitude: 10.0345,
    organization: 'AUSER Cremona',
    kind: 'private' as const,
  },
  {
    name: 'Sportello di prossimità Po – San Felice',
    neighbourhood: 'Po',
    address: 'Via del Sale 60',
    latitude: 45.1255,
    longitude: 10.0182,
    organization: COMUNE_CR,
    kind: 'public' as const,
  },
];

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '12:30' }));

/**
 * Seeds the demo catalogue: providers, ≥ 40 approved services over every category, tariffs for
 * Crema and Cremona, five access points in Cremona (the demo welfare manager works at the first),
 * ISEE declarations on some demo people and a few orders. System job: bypasses the access layer.
 */
export async function seedCatalogDemo(
  tx: Tx,
  options: {
    organizationIdsByName: Map<string, string>;
    userIdsByRole: Map<string, string>;
    passwordHash: string;
  },
): Promise<void> {
  const orgs = options.organizationIdsByName;
  const comuni = await repo.listComuniRows(tx);
  const ofAmbito = (id: string) => comuni.filter((c) => c.ambito_id === id).map((c) => c.istat_code);
  const resolve = (scope: Scope) => (typeof scope === 'string' ? ofAmbito(scope) : scope);
  const names = new Map(comuni.map((c) => [c.istat_code, c.name]));

  for (const p of NEW_PROVIDERS) {
    if (!orgs.has(p.name)) {
      orgs.set(
        p.name,
        await insertOrganization(tx, {
          name: p.name,
          kind: p.kind,
          ambitoId: p.ambitoId,
          comuneCode: p.comuneCode,
        }),
      );
    }
  }
  const providers = [...NEW_PROVIDERS, ...EXISTING_PROVIDERS];
  for (const p of providers) {
    await repo.upsertProvider(tx, {
      organizationId: orgs.get(p.name)!,
      description: p.description,
      comuniServed: resolve(p.serves),
      segregationCode: p.segregationCode,
      creditorTaxCode: p.name === COMUNE_CR ? '00297960197' : null,
    });
  }

  const admin = options.userIdsByRole.get('amministratore') ?? null;
  const terms = new Map((await repo.listTerms(tx)).map((t) => [t.id, t]));
  const serviceIds = new Map<string, string>();
  for (const s of SERVICES) {
    const term = terms.get(s.category)!;
    const serviceComuni = resolve(s.comuni);
    const id = await repo.insertService(
      tx,
      {
        providerId: orgs.get(s.provider)!,
        categoryId: s.category,
        name: s.name,
        description: s.description,
        targetGroups: s.targets,
        comuni: serviceComuni,
        baseComuneCode: s.base,
        schedule: s.schedule,
        unit: s.unit,
        listPriceCents: s.list,
        cappedPriceCents: s.capped,
        capacity: s.capacity?.[0] ?? null,
        capacityPeriod: s.capacity?.[1] ?? null,
        isMunicipal: s.municipal !== undefined,
        municipalProgram: typeof s.municipal === 'string' ? s.municipal : null,
        requiredDocuments: s.documents ?? [],
        searchText: serviceSearchText({
          name: s.name,
          description: s.description,
          term,
          targetGroups: s.targets,
          providerName: s.provider,
          isMunicipal: s.municipal !== undefined,
          baseComuneName: names.get(s.base) ?? '',
        }),
      },
      'approved',
      admin,
    );
    serviceIds.set(s.name, id);
  }
  for (const t of TARIFFS) {
    await repo.replaceTariffRule(
      tx,
      {
        scopeType: t.scopeType,
        scopeId: t.scopeId,
        serviceId: null,
        categoryId: t.category,
        name: t.name,
        source: t.source,
        rule: t.rule,
      },
      admin,
    );
  }
  const accessPointIds: string[] = [];
  for (const a of ACCESS_POINTS) {
    accessPointIds.push(
      await repo.insertAccessPoint(tx, {
        name: a.name,
        organizationId: orgs.get(a.organization)!,
        kind: a.kind,
        comuneCode: CREMONA,
        neighbourhood: a.neighbourhood,
        address: a.address,
        latitude: a.latitude,
        longitude: a.longitude,
        openingHours: a.name.includes('Centro')
          ? [...WEEKDAY_HOURS, { day: 4, from: '14:30', to: '17:30' }]
          : WEEKDAY_HOURS,
        phone: '0372 407000',
        email: null,
      }),
    );
  }
  const manager = options.userIdsByRole.get('welfare_manager');
  if (manager) await repo.addAccessPointStaff(tx, accessPointIds[0]!, manager);

  await seedIseeAndOrders(tx, {
    serviceIds,
    accessPointId: accessPointIds[0]!,
    manager: manager ?? null,
    userIdsByRole: options.userIdsByRole,
    passwordHash: options.passwordHash,
  });
}

async function seedIseeAndOrders(
  tx: Tx,
  o: {
    serviceIds: Map<string, string>;
    accessPointId: string;
    manager: string | null;
    userIdsByRole: Map<string, string>;
    passwordHash: string;
  },
): Promise<void> {
  const today = dateInRome();
  const year = today.slice(0, 4);
  const citizenUser = o.userIdsByRole.get('cittadino');
  const [citizen] = citizenUser
    ? await queryRows<{ person_id: string }>(
        tx,
        sql`SELECT person_id FROM users WHERE id = ${citizenUser} AND person_id IS NOT NULL`,
      )
    : [];
  const crema = await queryRows<{ id: string; given_name: string; family_name: string }>(
    tx,
    sql`SELECT id, given_name, family_name FROM people WHERE comune_code = ${CREMA} ORDER BY birth_date, id LIMIT 5`,
  );
  // A citizen of Crema with an account, so that Crema's prices can be tried as a citizen (Cremona's demo citizen sees Cremona's).
  const cremaCitizen = crema[4];
  if (cremaCitizen) {
    await insertUserWithMembership(
      tx,
      {
        email: 'cittadino.crema@demo.legami.it',
        fullName: `${cremaCitizen.given_name} ${cremaCitizen.family_name}`,
        passwordHash: o.passwordHash,
        mustChangePassword: false,
        isDemo: true,
        personId: cremaCitizen.id,
      },
      { organizationId: null, role: 'cittadino', scopeType: 'comune', scopeId: CREMA },
    );
  }
  const cremona = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM people WHERE comune_code = ${CREMONA} AND id <> ${citizen?.person_id ?? '00000000-0000-0000-0000-000000000000'} ORDER BY birth_date, id LIMIT 3`,
  );
  const social = o.userIdsByRole.get('assistente_sociale') ?? null;
  const declarations: {
    personId: string;
    comune: string;
    type: IseeFacts['type'];
    value: number;
    verified: boolean;
  }[] = [
    ...(citizen
      ? [
          {
            personId: citizen.person_id,
            comune: CREMONA,
            type: 'ordinario' as const,
            value: euro(8450.32),
            verified: true,
          },
        ]
      : []),
    ...(crema[0]
      ? [
          {
            personId: crema[0].id,
            comune: CREMA,
            type: 'sociosanitario' as const,
            value: euro(4820),
            verified: true,
          },
        ]
      : []),
    ...(crema[1]
      ? [
          {
            personId: crema[1].id,
            comune: CREMA,
            type: 'sociosanitario' as const,
            value: euro(12750),
            verified: true,
          },
        ]
      : []),
    ...(crema[2]
      ? [
          {
            personId: crema[2].id,
            comune: CREMA,
            type: 'ordinario' as const,
            value: euro(2600),
            verified: false,
          },
        ]
      : []),
    ...(cremaCitizen
      ? [
          {
            personId: cremaCitizen.id,
            comune: CREMA,
            type: 'ordinario' as const,
            value: euro(9800),
            verified: true,
          },
        ]
      : []),
    ...(cremona[0]
      ? [
          {
            personId: cremona[0].id,
            comune: CREMONA,
            type: 'sociosanitario' as const,
            value: euro(6100),
            verified: true,
          },
        ]
      : []),
  ];
  const facts = new Map<string, IseeFacts[]>();
  let n = 0;
  for (const d of declarations) {
    n += 1;
    await repo.insertIsee(
      tx,
      {
        personId: d.personId,
        comuneCode: d.comune,
        iseeType: d.type,
        valueCents: d.value,
        dsuProtocol: `INPS-ISEE-${year}-${String(41000 + n).padStart(9, '0')}A-00`,
        issuedOn: `${year}-01-${String(10 + n).padStart(2, '0')}`,
        expiresOn: `${year}-12-31`,
        verifiedBy: d.verified ? social : null,
      },
      social,
    );
    facts.set(d.personId, [
      {
        type: d.type,
        valueCents: d.value,
        issuedOn: `${year}-01-10`,
        expiresOn: `${year}-12-31`,
        verified: d.verified,
      },
    ]);
  }

  const orders: {
    service: string;
    personId: string | undefined;
    comune: string;
    quantity: number;
    status: 'requested' | 'confirmed' | 'delivered';
    paid: boolean;
    assisted?: boolean;
  }[] = [
    {
      service: 'Assistenza domiciliare anziani (SAD)',
      personId: crema[0]?.id,
      comune: CREMA,
      quantity: 8,
      status: 'confirmed',
      paid: true,
    },
    {
      service: 'Assistenza domiciliare anziani (SAD)',
      personId: crema[1]?.id,
      comune: CREMA,
      quantity: 6,
      status: 'requested',
      paid: true,
    },
    {
      service: 'Pasti a domicilio – Crema',
      personId: crema[2]?.id,
      comune: CREMA,
      quantity: 20,
      status: 'delivered',
      paid: true,
    },
    {
      service: 'Fisioterapia a domicilio',
      personId: crema[3]?.id,
      comune: CREMA,
      quantity: 4,
      status: 'requested',
      paid: false,
    },
    {
      service: 'Pasti a domicilio – Cremona',
      personId: citizen?.person_id,
      comune: CREMONA,
      quantity: 10,
      status: 'requested',
      paid: false,
    },
    {
      service: 'Assistenza domiciliare e igiene della persona',
      personId: cremona[0]?.id,
      comune: CREMONA,
      quantity: 10,
      status: 'requested',
      paid: true,
      assisted: true,
    },
  ];
  const creator = o.userIdsByRole.get('cittadino') ?? o.manager;
  if (!creator) return;
  for (const order of orders) {
    if (!order.personId) continue;
    const serviceId = o.serviceIds.get(order.service)!;
    const service = (await repo.findService(tx, serviceId))!;
    const rules = await repo.applicableRules(
      tx,
      order.comune,
      order.comune === CREMA ? 'CREMA' : 'CREMONA',
      [serviceId],
      [service.category_id],
    );
    const rule = rules.find((r) => r.scope_type === 'comune')?.rule ?? rules[0]?.rule ?? null;
    const outcome = priceForCitizen(service.capped_price_cents, rule, facts.get(order.personId) ?? [], today);
    const unit = outcome.unitCents;
    const total = unit * order.quantity;
    const startDate = addDays(today, order.status === 'requested' ? 3 : -5);
    const periodKey = periodKeyOf(startDate, service.capacity_period);
    if (service.capacity !== null)
      await repo.reserveCapacity(tx, serviceId, periodKey, order.quantity, service.capacity);
    const assisted = order.assisted === true && o.manager !== null;
    const id = await repo.insertOrder(
      tx,
      {
        serviceId,
        providerId: service.provider_id,
        personId: order.personId,
        comuneCode: order.comune,
        quantity: order.quantity,
        startDate,
        periodKey,
        notes: null,
        unitPriceCents: unit,
        cappedUnitPriceCents: service.capped_price_cents,
        totalCents: total,
        subsidyCents: (service.capped_price_cents - unit) * order.quantity,
        tariff: {
          basis: outcome.basis,
          band: outcome.band,
          iseeStatus: outcome.isee.status,
          iseeType: outcome.isee.type,
        },
        eligibility: null,
        channel: assisted ? 'assisted' : 'online',
        accessPointId: assisted ? o.accessPointId : null,
        assistedBy: assisted ? o.manager : null,
        consent: assisted,
        paymentStatus: total > 0 ? 'pending' : 'not_required',
        idempotencyKey: null,
      },
      assisted ? o.manager! : creator,
    );
    if (total > 0) {
      const provider = (await repo.findProvider(tx, service.provider_id))!;
      const notice = buildNoticeNumber(
        provider.segregation_code ?? '01',
        iuvBaseOf(BigInt(await repo.nextIuvSequence(tx))),
      );
      await repo.insertNotice(tx, {
        orderId: id,
        comuneCode: order.comune,
        provider: 'development',
        noticeNumber: notice.noticeNumber,
        iuv: notice.iuv,
        creditorTaxCode: provider.creditor_tax_code ?? '00000000000',
        amountCents: total,
        dueDate: addDays(today, 7),
        reason: `${service.name} – ordine ${id.slice(0, 8)}`,
      });
      if (order.paid) {
        await repo.updateNotice(tx, id, 'paid', {
          receiptId: `DEV-DEMO-${id.slice(0, 8)}`,
          psp: 'PSP di sviluppo (simulato)',
          amountCents: total,
        });
        await repo.setPaymentStatus(tx, id, 'paid');
      }
    }
    if (order.status !== 'requested') await repo.setOrderStatus(tx, id, order.status, null);
    await repo.insertOrderEvent(
      tx,
      { orderId: id, comuneCode: order.comune, kind: 'created', details: { demo: true } },
      null,
    );
  }
}
