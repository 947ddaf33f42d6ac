import type { Tx } from '../../platform/db/database.js';
import * as repo from './codesign.repository.js';

const CREMA = '019035';
const LEAD = 'Cooperativa sociale Igea';
const PARTNERS = [
  'Cooperativa sociale Meraki',
  'Cooperativa sociale Sentiero',
  'Fondazione Brunenghi di Castelleone',
  'Fondazione RSA di Soncino',
];

// Illustrative criteria and marks: the seed names the call and its outcome, not its grid.
const CRITERIA: [string, number, number][] = [
  ['Qualità e coerenza della proposta progettuale', 40, 36],
  ['Esperienza nell’assistenza domiciliare', 30, 27],
  ['Radicamento nei 48 comuni dell’Ambito e rete', 20, 18],
  ['Innovazione e presidi tecnologici', 10, 8],
];

/**
 * Seeds seed 002's third call for co-design of the Comune di Crema (lead comune of the Ambito
 * Cremasco): €300,000 of PNRR money for home care of frail elderly people, the proposal of the
 * partnership led by coop Igea, its scores and the agreement, linked to the funds' project.
 * The seed gives no dates for the call: those below are illustrative (the article is of
 * 6 August 2025 and calls it recently concluded). System job: the caller's (system) transaction.
 */
export async function seedCodesignDemo(
  tx: Tx,
  options: { organizationIdsByName: ReadonlyMap<string, string>; homeCareProjectId: string },
): Promise<void> {
  const org = (name: string) => options.organizationIdsByName.get(name)!;
  const callId = await repo.insertCall(tx, {
    comuneCode: CREMA,
    title: 'Terzo avviso di co-progettazione — servizi domiciliari personalizzati per anziani fragili',
    description:
      'Avviso del Comune di Crema, capofila dell’Ambito cremasco (art. 55 del Codice del Terzo Settore): rete di servizi domiciliari personalizzati per anziani fragili nei 48 comuni, con 300.000 euro di risorse PNRR distribuite tra i sei sub-ambiti in proporzione ai residenti.',
    budgetCents: 30_000_000,
    opensOn: '2025-05-05',
    closesOn: '2025-06-20',
    fundProjectId: options.homeCareProjectId,
    criteria: CRITERIA.map(([label, maxScore]) => ({ label, maxScore })),
  });
  const proposalId = await repo.insertProposal(tx, callId, CREMA, {
    organizationId: org(LEAD),
    title: 'Abitare sicuri: rete di servizi domiciliari personalizzati',
    summary:
      'Raggruppamento temporaneo con le cooperative Meraki e Sentiero, la Fondazione Brunenghi di Castelleone e la Fondazione RSA di Soncino: presa in carico integrata, flessibile e su misura, con presidi tecnologici a domicilio.',
    requestedCents: 30_000_000,
    submittedOn: '2025-06-18',
    contact: { fullName: 'Referente del raggruppamento', email: 'coprogettazione@example.org' },
  });
  const criteria = await repo.listCriteria(tx, [callId]);
  await repo.replaceScores(
    tx,
    proposalId,
    criteria.map((c, i) => ({ criterionId: c.id, score: CRITERIA[i]![2] })),
  );
  await repo.insertAgreement(tx, callId, {
    proposalId,
    signedOn: '2025-09-01',
    startsOn: '2025-09-01',
    endsOn: '2026-12-31',
    partners: [
      { organizationId: org(LEAD), role: 'lead' },
      ...PARTNERS.map((name) => ({ organizationId: org(name), role: 'partner' as const })),
    ],
  });
}
