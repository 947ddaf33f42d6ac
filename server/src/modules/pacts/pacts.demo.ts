import type { Tx } from '../../platform/db/database.js';
import { addDays } from '../../platform/time.js';
import type { CreateCommonsBody, PartyInput } from '../../../../shared/src/pacts/pacts.schemas.js';
import * as repo from './pacts.repository.js';

const CREMONA = '019036';

interface DemoPact {
  commons: Omit<CreateCommonsBody, 'comuneCode'>;
  title: string;
  purpose: string;
  comuneSupport: string;
  parties: (orgs: ReadonlyMap<string, string>) => PartyInput[];
  care: [number, string, number, number][];
}

const COMUNE_PARTY = (duties: string): PartyInput => ({
  kind: 'comune',
  publicName: 'Comune di Cremona',
  duties,
});

/*
 * Three collaboration pacts of Cremona on real places of the city (seed 003: "promozione di patti
 * di collaborazione e di interventi di cura per i beni comuni"). The places are real; the pacts,
 * their parties and the care done are illustrative. Coordinates are approximate.
 */
const DEMO_PACTS: DemoPact[] = [
  {
    commons: {
      name: 'Giardini di Piazza Roma',
      kind: 'garden',
      place: 'Piazza Roma, Cremona',
      latitude: 45.1338,
      longitude: 10.0244,
      description: 'Il giardino pubblico nel centro storico, con aiuole, panchine e area giochi.',
    },
    title: 'Aiuole fiorite ai Giardini di Piazza Roma',
    purpose:
      'Cura delle aiuole e dei cespugli, annaffiatura nei mesi estivi e segnalazione dei danni alle panchine e ai giochi.',
    comuneSupport:
      'Attrezzi, piantine stagionali e copertura assicurativa dei volontari; ritiro del verde tagliato.',
    parties: (orgs) => [
      COMUNE_PARTY(
        'Fornisce attrezzi, piantine e assicurazione; ritira gli sfalci entro due giorni dalla segnalazione.',
      ),
      {
        kind: 'organization',
        publicName: 'Associazione Alpini Cremona',
        organizationId: orgs.get('Associazione Alpini Cremona'),
        duties: 'Cura delle aiuole due sabati al mese e annaffiatura da giugno a settembre.',
      },
      {
        kind: 'citizen',
        duties: 'Annaffiatura serale delle aiuole lato via Palestro nei mesi estivi.',
        contact: { fullName: 'Rita Pedroni', phone: '0372 000111' },
      },
    ],
    care: [
      [-20, 'Pulizia delle aiuole e messa a dimora dei bulbi', 6, 18],
      [-55, 'Potatura leggera dei cespugli lungo il viale', 4, 10],
      [-90, 'Annaffiatura e pulizia delle panchine', 3, 6],
    ],
  },
  {
    commons: {
      name: 'Parco del Vecchio Passeggio',
      kind: 'park',
      place: 'Viale Trento e Trieste, Cremona',
      latitude: 45.1405,
      longitude: 10.0335,
      description: 'Il parco lungo le antiche mura, con viali alberati e prato.',
    },
    title: 'Un parco da vivere: il Vecchio Passeggio',
    purpose:
      'Raccolta dei rifiuti abbandonati, piccola manutenzione delle panchine e letture all’aperto per bambini.',
    comuneSupport:
      'Guanti, sacchi e pinze; vernice per le panchine; uso gratuito dello spazio per le letture.',
    parties: () => [
      COMUNE_PARTY(
        'Fornisce materiali e vernice, svuota i sacchi raccolti, autorizza le letture all’aperto.',
      ),
      {
        kind: 'group',
        publicName: 'Amici del Vecchio Passeggio',
        duties: 'Raccolta dei rifiuti una domenica al mese; verniciatura delle panchine in primavera.',
        contact: { fullName: 'Davide Ghisoni', email: 'amici.vecchiopasseggio@example.org' },
      },
    ],
    care: [
      [-14, 'Raccolta dei rifiuti lungo i viali', 12, 24],
      [-45, 'Letture all’aperto per bambini', 5, 10],
    ],
  },
  {
    commons: {
      name: 'Piazza Stradivari',
      kind: 'square',
      place: 'Piazza Stradivari, Cremona',
      latitude: 45.1343,
      longitude: 10.0232,
      description: 'La piazza dedicata ad Antonio Stradivari, luogo di incontro nel centro.',
    },
    title: 'Piazza Stradivari, salotto della città',
    purpose:
      'Cura delle fioriere, pulizia delle sedute e un pomeriggio al mese di musica e incontro per gli anziani soli.',
    comuneSupport: 'Fioriere e terriccio; occupazione del suolo pubblico senza canone per gli incontri.',
    parties: (orgs) => [
      COMUNE_PARTY('Fornisce fioriere e terriccio; esonera dal canone di occupazione del suolo pubblico.'),
      {
        kind: 'organization',
        publicName: 'ARCI Cremona',
        organizationId: orgs.get('ARCI Cremona'),
        duties: 'Organizza un pomeriggio al mese di musica e incontro; pulisce le sedute dopo ogni evento.',
      },
    ],
    care: [[-10, 'Pomeriggio di musica e incontro con gli anziani del quartiere', 8, 16]],
  },
];

/**
 * Seeds the commons and three collaboration pacts of Cremona in force today, with the care done,
 * and one proposal waiting for a decision. System job: runs in the caller's (system) transaction.
 */
export async function seedPactsDemo(
  tx: Tx,
  options: { today: string; organizationIdsByName: ReadonlyMap<string, string> },
): Promise<void> {
  const { today } = options;
  for (const [i, demo] of DEMO_PACTS.entries()) {
    const commonsId = await repo.insertCommons(tx, { ...demo.commons, comuneCode: CREMONA });
    const pactId = await repo.insertPact(tx, {
      comuneCode: CREMONA,
      commonsId,
      proposalId: null,
      title: demo.title,
      purpose: demo.purpose,
      comuneSupport: demo.comuneSupport,
      startsOn: addDays(today, -120 - 30 * i),
      endsOn: addDays(today, 610 - 30 * i),
      renewal: 'on_request',
      renewedFromId: null,
      createdBy: null,
    });
    await repo.insertParties(tx, pactId, CREMONA, demo.parties(options.organizationIdsByName));
    for (const [days, description, participants, hours] of demo.care)
      await repo.insertActivity(
        tx,
        pactId,
        { occurredOn: addDays(today, days), description, participants, hours },
        null,
      );
  }
  await repo.insertProposal(tx, {
    comuneCode: CREMONA,
    commonsName: 'Parco al Po',
    title: 'Orti condivisi al Parco al Po',
    description:
      'Un gruppo di famiglie del quartiere propone di curare un’area del parco con orti condivisi.',
    proposerKind: 'group',
    groupName: 'Famiglie del quartiere Po',
    proposerFullName: 'Marta Allegri',
    proposerEmail: 'orti.parcoalpo@example.org',
    submittedBy: null,
  });
}
