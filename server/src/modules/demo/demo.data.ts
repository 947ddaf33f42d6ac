import type { OrganizationKind } from '../../../../shared/src/organizations/organizations.schemas.js';
import type { RoleName } from '../../../../shared/src/accounts/accounts.schemas.js';

export const DEMO_PASSWORD = 'legami-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.legami.it';

export interface DemoOrganization {
  name: string;
  kind: OrganizationKind;
  ambitoId: string | null;
  comuneCode: string | null;
}

const CREMONA = '019036';
const CREMA = '019035';

// The associations that took part in CremonAiuta (seed 000), all working in the Cremona district.
const CREMONAIUTA_ASSOCIATIONS = [
  'AUSER Cremona',
  'Associazione Amici di Robi',
  'AVAL/Acli Cremona',
  'ARCI Cremona',
  'Associazione Amici di Gianni e Massimiliano',
  'Associazione La Città dell’Uomo',
  'Scout CNGEI',
  'Circolo Arcipelago',
  'Lyons Club',
  'Circolo Atlante',
  'Associazione Latinoamericana',
  'Associazione No Spreco',
  'Associazione Alpini Cremona',
  'Coop. Varietà / Civico 81',
  'Triathlon Team',
  'Associazione Dal Naso al Cuore',
  'Associazione Drum Bun',
  'Associazione La Speranza',
  'CSV Sud Lombardia',
  'Forum Provinciale Terzo Settore Cremona',
  'Croce Rossa Comitato di Cremona',
  'UNITALSI',
  'CARITAS Diocesana',
  'Conferenza San Vincenzo',
];

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Comune di Cremona – Settore Politiche Sociali',
    kind: 'comune',
    ambitoId: null,
    comuneCode: CREMONA,
  },
  { name: 'Comune di Cremona – Protezione Civile', kind: 'comune', ambitoId: null, comuneCode: CREMONA },
  { name: 'Comune di Crema – Servizi Sociali', kind: 'comune', ambitoId: null, comuneCode: CREMA },
  { name: 'Ufficio di Piano – Ambito Cremonese', kind: 'ambito', ambitoId: 'CREMONA', comuneCode: null },
  { name: 'Comunità Sociale Cremasca', kind: 'ambito', ambitoId: 'CREMA', comuneCode: null },
  {
    name: 'Consorzio Casalasco Servizi Sociali',
    kind: 'ambito',
    ambitoId: 'CASALMAGGIORE',
    comuneCode: null,
  },
  { name: 'ATS Val Padana', kind: 'health_authority', ambitoId: null, comuneCode: null },
  { name: 'ASST di Cremona', kind: 'health_authority', ambitoId: 'CREMONA', comuneCode: null },
  { name: 'ASST di Crema', kind: 'health_authority', ambitoId: 'CREMA', comuneCode: null },
  // The PNRR home-care partnership of the Cremasco (seed 002), led by coop Igea.
  { name: 'Cooperativa sociale Igea', kind: 'social_cooperative', ambitoId: 'CREMA', comuneCode: null },
  { name: 'Cooperativa sociale Meraki', kind: 'social_cooperative', ambitoId: 'CREMA', comuneCode: null },
  { name: 'Cooperativa sociale Sentiero', kind: 'social_cooperative', ambitoId: 'CREMA', comuneCode: null },
  { name: 'Fondazione Brunenghi di Castelleone', kind: 'foundation', ambitoId: null, comuneCode: '019025' },
  { name: 'Fondazione RSA di Soncino', kind: 'foundation', ambitoId: null, comuneCode: '019097' },
  ...CREMONAIUTA_ASSOCIATIONS.map((name) => ({
    name,
    kind: 'association' as const,
    ambitoId: 'CREMONA',
    comuneCode: null,
  })),
];

export interface DemoUser {
  role: RoleName;
  fullName: string;
  organization: string | null;
  scope: { type: 'all' } | { type: 'ambito'; id: string } | { type: 'comune'; id: string };
}

/** One account per role, `<role>@demo.legami.it`, password `legami-demo` (listed in the README). */
export const DEMO_USERS: DemoUser[] = [
  {
    role: 'cittadino',
    fullName: 'Giuseppina Ferrari',
    organization: null,
    scope: { type: 'comune', id: CREMONA },
  },
  {
    role: 'operatore',
    fullName: 'Marco Bassi',
    organization: 'Comune di Cremona – Settore Politiche Sociali',
    scope: { type: 'ambito', id: 'CREMONA' },
  },
  {
    role: 'assistente_sociale',
    fullName: 'Chiara Lodigiani',
    organization: 'Comune di Cremona – Settore Politiche Sociali',
    scope: { type: 'ambito', id: 'CREMONA' },
  },
  {
    role: 'welfare_manager',
    fullName: 'Paolo Soldi',
    organization: 'Comune di Cremona – Settore Politiche Sociali',
    scope: { type: 'ambito', id: 'CREMONA' },
  },
  {
    role: 'coordinatore',
    fullName: 'Anna Galli',
    organization: 'AUSER Cremona',
    scope: { type: 'ambito', id: 'CREMONA' },
  },
  {
    role: 'volontario',
    fullName: 'Luca Manfredini',
    organization: 'AUSER Cremona',
    scope: { type: 'ambito', id: 'CREMONA' },
  },
  {
    role: 'amministratore',
    fullName: 'Elena Ghisolfi',
    organization: 'Ufficio di Piano – Ambito Cremonese',
    scope: { type: 'all' },
  },
  {
    role: 'fornitore',
    fullName: 'Stefano Zanoni',
    organization: 'Cooperativa sociale Igea',
    scope: { type: 'ambito', id: 'CREMA' },
  },
  {
    role: 'revisore',
    fullName: 'Maria Rosa Pedrini',
    organization: 'Ufficio di Piano – Ambito Cremonese',
    scope: { type: 'all' },
  },
  {
    // The till of an accredited shop: redeems shopping vouchers, sees nothing else.
    role: 'esercente',
    fullName: 'Franco Bergamaschi',
    organization: null,
    scope: { type: 'ambito', id: 'CREMONA' },
  },
];

// Made-up people: common Italian names, invented streets; nobody real.
export const GIVEN_NAMES_F = [
  'Maria',
  'Anna',
  'Giuseppina',
  'Rosa',
  'Angela',
  'Giovanna',
  'Teresa',
  'Lucia',
  'Carla',
  'Franca',
  'Laura',
  'Chiara',
  'Sara',
  'Giulia',
  'Francesca',
  'Elena',
  'Paola',
  'Silvia',
  'Martina',
  'Alessia',
];
export const GIVEN_NAMES_M = [
  'Giuseppe',
  'Giovanni',
  'Antonio',
  'Mario',
  'Luigi',
  'Francesco',
  'Angelo',
  'Carlo',
  'Franco',
  'Bruno',
  'Paolo',
  'Marco',
  'Andrea',
  'Luca',
  'Stefano',
  'Alessandro',
  'Matteo',
  'Davide',
  'Simone',
  'Roberto',
];
export const FAMILY_NAMES = [
  'Rossi',
  'Ferrari',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
  'Barbieri',
  'Fontana',
  'Santoro',
  'Mariani',
  'Rinaldi',
  'Caruso',
  'Ferrara',
  'Galli',
  'Martini',
  'Leone',
  'Longhi',
  'Gentile',
  'Martinelli',
  'Vitale',
  'Lombardo',
  'Serra',
  'Coppola',
  'De Santis',
  'D’Angelo',
  'Marchetti',
  'Parisi',
  'Villa',
  'Bassi',
  'Zanoni',
  'Ghisolfi',
  'Pedrini',
  'Manfredini',
  'Soldi',
  'Superti',
  'Ruggeri',
  'Tedoldi',
  'Bonetti',
];
export const STREETS = [
  'Via Roma',
  'Via Garibaldi',
  'Via Mazzini',
  'Corso Matteotti',
  'Via Dante',
  'Via Verdi',
  'Via XX Settembre',
  'Via Cavour',
  'Via IV Novembre',
  'Piazza della Libertà',
  'Via dei Mille',
  'Via Manzoni',
  'Via Solferino',
  'Via Bissolati',
  'Via Palestro',
];

/** The operating protocol of the demo (seed 000): for each intervention, who acts first in the Cremona district. */
export const DEMO_COMPETENCE: Record<string, string[]> = {
  groceries_medicines: ['AUSER Cremona', 'AVAL/Acli Cremona'],
  home_meals: ['CARITAS Diocesana', 'Conferenza San Vincenzo'],
  tablets_pupils: ['ARCI Cremona', 'Circolo Arcipelago'],
  masks_over65: ['Associazione Alpini Cremona', 'Comune di Cremona – Protezione Civile'],
  food_parcels: ['CARITAS Diocesana', 'Associazione No Spreco'],
  shopping_vouchers: ['Comune di Cremona – Settore Politiche Sociali', 'Lyons Club'],
  covid_groceries_medicines: ['Croce Rossa Comitato di Cremona', 'UNITALSI'],
  hospital_transport: ['Croce Rossa Comitato di Cremona', 'UNITALSI'],
  donated_food_distribution: ['Associazione No Spreco', 'Associazione Amici di Robi'],
};

const CREMASCO = 'Comunità Sociale Cremasca';
const CREMA_COMUNE = 'Comune di Crema – Servizi Sociali';
const CASALASCO = 'Consorzio Casalasco Servizi Sociali';

/**
 * The protocol of each Ambito, by Ambito id: the Cremonese's is CremonAiuta's; the Cremasco and the
 * Casalasco route every intervention to their own social services (the Cremasco's meals to its
 * home-care cooperative), with the Red Cross for transport and the sick.
 */
export const DEMO_PROTOCOLS: Record<string, Record<string, string[]>> = {
  CREMONA: DEMO_COMPETENCE,
  CREMA: {
    groceries_medicines: [CREMASCO, CREMA_COMUNE],
    home_meals: ['Cooperativa sociale Igea', CREMASCO],
    tablets_pupils: [CREMA_COMUNE],
    masks_over65: [CREMA_COMUNE, CREMASCO],
    food_parcels: [CREMASCO, 'Cooperativa sociale Sentiero'],
    shopping_vouchers: [CREMA_COMUNE],
    covid_groceries_medicines: ['Croce Rossa Comitato di Cremona', CREMASCO],
    hospital_transport: ['Croce Rossa Comitato di Cremona', 'Cooperativa sociale Meraki'],
    donated_food_distribution: [CREMASCO, 'Cooperativa sociale Sentiero'],
  },
  CASALMAGGIORE: Object.fromEntries(
    Object.keys(DEMO_COMPETENCE).map((type) => [
      type,
      type === 'hospital_transport' || type === 'covid_groceries_medicines'
        ? ['Croce Rossa Comitato di Cremona', CASALASCO]
        : [CASALASCO],
    ]),
  ),
};
