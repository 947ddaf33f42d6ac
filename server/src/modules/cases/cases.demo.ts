import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import {
  DEFAULT_ASSESSMENT_FORM,
  KATZ_ADL,
  LAWTON_IADL,
  scoreAssessment,
  sinaRecordOf,
  type AssessmentAnswers,
} from '../../../../shared/src/cases/assessment.js';
import { insertUserWithMembership } from '../accounts/index.js';
import { seedOrder } from '../catalog/index.js';
import { personalBudgetSourceLines, shareLinesOfComune } from '../funds/index.js';
import { markKnownToSocialServices, peopleOfComune, type PersonRow } from '../people/index.js';
import { helpRequestsOfPerson } from '../requests/index.js';
import { casesBudgetLedger } from './cases.ledger.js';
import * as repo from './cases.repository.js';
import { DISCHARGE_STEPS } from './cases.rules.js';

/*
 * Demo case files, a few per Ambito, on the demo registry's made-up people: elderly people on PNRR
 * home care in the Cremasco (budgets drawn from the comune's share, seed 002), Fare Legami
 * inclusion pacts in Cremona with personal budgets of at most €2,000 partly spent (seed 004), a
 * protected discharge from the hospital of Cremona in progress with a late step (seed 003), and a
 * family followed in the Casalasco, and two disabled pupils of Cremona with their minor's assessment
 * (SINBA) and the school transport the Comune subsidises. The demo social worker (assistente_sociale@demo.legami.it) is
 * responsible for the Cremona cases. System job: runs in the demo seed's transaction.
 */

const CREMONA = '019036';
const CREMA = '019035';
const CASTELLEONE = '019025';
const SONCINO = '019097';
const CASALMAGGIORE = '019021';

const katz = (dependent: string[]) =>
  Object.fromEntries(
    KATZ_ADL.items.map((i) => [i.key, dependent.includes(i.key) ? 'dependent' : 'independent']),
  );
const lawton = (levels: Partial<Record<string, string>>) =>
  Object.fromEntries(LAWTON_IADL.items.map((i) => [i.key, levels[i.key] ?? 'a']));

function answers(
  items: Record<string, string>,
  k: string[],
  l: Partial<Record<string, string>>,
): AssessmentAnswers {
  return {
    items: {
      Mobilita: '1',
      AttivitaVitaQuotidiana: '1',
      DisturbiComportamentali: '1',
      AreaReddituale: '1',
      AreaSupporto: '1',
      FonteDerivazioneValutazione: '2',
      StrumentoValutazione: '7',
      housing_condition: 'adequate',
      barriers: 'no',
      work: 'not_applicable',
      caregiver_load: 'none',
      schooling: 'adequate',
      digital: 'basic',
      legal_matters: 'none',
      guardianship: 'not_needed',
      ...items,
    },
    scales: { katz_adl: katz(k), lawton_iadl: lawton(l) },
    notes: {},
  };
}

interface DemoCase {
  person: PersonRow;
  area: string;
  source: string;
  reason: string;
  responsible: string;
  teamId: string;
  openedDaysAgo: number;
  sourceRequestId?: string | null;
}

export async function seedCasesDemo(
  tx: Tx,
  ctx: Context,
  options: {
    userIdsByRole: ReadonlyMap<string, string>;
    passwordHash: string;
    /** The demo catalogue's services: the minors' school transport is ordered from it. */
    serviceIdsByName: ReadonlyMap<string, string>;
  },
): Promise<void> {
  const today = dateInRome();
  const worker = options.userIdsByRole.get('assistente_sociale')!;
  const user = (email: string, fullName: string, ambito: string) =>
    insertUserWithMembership(
      tx,
      { email, fullName, passwordHash: options.passwordHash, mustChangePassword: false, isDemo: true },
      { organizationId: null, role: 'assistente_sociale', scopeType: 'ambito', scopeId: ambito },
    );
  const supervisor = await user('supervisore@demo.legami.it', 'Donatella Ruggeri', 'CREMONA');
  const cremaWorker = await user('assistente_sociale.crema@demo.legami.it', 'Silvia Bettinelli', 'CREMA');
  const cremaSupervisor = await user('supervisore.crema@demo.legami.it', 'Giorgio Marazzi', 'CREMA');
  const casalascoWorker = await user(
    'assistente_sociale.casalmaggiore@demo.legami.it',
    'Laura Azzali',
    'CASALMAGGIORE',
  );

  const inclusion = await repo.insertTeam(tx, {
    name: 'Cremona – Équipe inclusione e adulti',
    comuneCode: CREMONA,
    members: [
      { userId: worker, role: 'member' },
      { userId: supervisor, role: 'supervisor' },
    ],
  });
  const elderly = await repo.insertTeam(tx, {
    name: 'Cremona – Équipe anziani e disabilità',
    comuneCode: CREMONA,
    members: [
      { userId: worker, role: 'member' },
      { userId: supervisor, role: 'supervisor' },
    ],
  });
  const cremasco = await repo.insertTeam(tx, {
    name: 'Ambito Cremasco – Servizio domiciliarità',
    comuneCode: CREMA,
    members: [
      { userId: cremaWorker, role: 'member' },
      { userId: cremaSupervisor, role: 'supervisor' },
    ],
  });
  const casalasco = await repo.insertTeam(tx, {
    name: 'Casalmaggiore – Équipe minori e famiglia',
    comuneCode: CASALMAGGIORE,
    members: [{ userId: casalascoWorker, role: 'member' }],
  });

  const open = async (c: DemoCase): Promise<string> => {
    const id = await repo.insertCase(tx, {
      personId: c.person.id,
      householdId: c.person.household_id,
      comuneCode: c.person.comune_code,
      area: c.area,
      source: c.source,
      sourceRequestId: c.sourceRequestId ?? null,
      reason: c.reason,
      responsibleUserId: c.responsible,
      teamId: c.teamId,
      openedOn: addDays(today, -c.openedDaysAgo),
      createdBy: c.responsible,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: c.person.comune_code,
      kind: 'opened',
      summary: 'Presa in carico',
      body: c.reason,
      authorUserId: c.responsible,
    });
    await markKnownToSocialServices(tx, c.person.id);
    return id;
  };
  const assess = async (
    caseId: string,
    comune: string,
    daysAgo: number,
    a: AssessmentAnswers,
    by: string,
  ) => {
    const scores = scoreAssessment(DEFAULT_ASSESSMENT_FORM, a);
    const on = addDays(today, -daysAgo);
    await repo.insertAssessment(tx, {
      caseId,
      comuneCode: comune,
      formId: DEFAULT_ASSESSMENT_FORM.id,
      formVersion: DEFAULT_ASSESSMENT_FORM.version,
      assessedOn: on,
      answers: a,
      scores,
      sina: sinaRecordOf(DEFAULT_ASSESSMENT_FORM, a),
      adl: scores.adl,
      iadl: scores.iadl,
      assessorUserId: by,
    });
    await repo.insertEntry(tx, {
      caseId,
      comuneCode: comune,
      kind: 'assessment',
      summary: `Valutazione multidimensionale del ${on}: ADL ${scores.adl}/6, IADL ${scores.iadl}/8`,
      authorUserId: by,
    });
  };
  const plan = async (
    caseId: string,
    comune: string,
    p: {
      kind: string;
      title: string;
      signedDaysAgo: number;
      reviewInDays: number;
      goals: [string, string, number][];
      commitments: [string, string][];
      interventions: [string, string][];
      budget?: {
        programme: string;
        capCents: number;
        sourceLineId?: string | null;
        expenses: [number, string, string, number][];
      };
    },
    by: string,
  ) => {
    const planId = await repo.insertPlan(tx, {
      caseId,
      comuneCode: comune,
      kind: p.kind,
      title: p.title,
      reviewDate: addDays(today, p.reviewInDays),
      createdBy: by,
    });
    await repo.replacePlanParts(tx, planId, comune, {
      goals: p.goals.map(([description, indicator, days]) => ({
        description,
        indicator,
        deadline: addDays(today, days),
      })),
      commitments: p.commitments.map(([party, description]) => ({
        party: party as 'beneficiary',
        description,
      })),
      interventions: p.interventions.map(([kind, description]) => ({
        kind: kind as 'municipal_service',
        description,
      })),
    });
    await repo.setPlanState(tx, planId, 1, {
      state: 'agreed',
      signedOn: addDays(today, -p.signedDaysAgo),
      signatureMethod: 'handwritten',
    });
    await repo.insertEntry(tx, {
      caseId,
      comuneCode: comune,
      kind: 'plan',
      summary: `Progetto "${p.title}" sottoscritto il ${addDays(today, -p.signedDaysAgo)}`,
      authorUserId: by,
    });
    if (!p.budget) return;
    const budgetId = await casesBudgetLedger.openLine(tx, ctx, {
      planId,
      caseId,
      comuneCode: comune,
      programme: p.budget.programme,
      capCents: p.budget.capCents,
      sourceLineId: p.budget.sourceLineId ?? null,
    });
    for (const [amountCents, supplier, documentRef, daysAgo] of p.budget.expenses) {
      const result = await casesBudgetLedger.recordExpense(tx, ctx, budgetId, {
        amountCents,
        supplier,
        documentRef,
        spentOn: addDays(today, -daysAgo),
      });
      if (result.ok)
        await repo.insertEntry(tx, {
          caseId,
          comuneCode: comune,
          kind: 'budget',
          summary: `Spesa di ${(amountCents / 100).toFixed(2).replace('.', ',')} € (${supplier})`,
          authorUserId: by,
        });
    }
  };

  // Cremona: Fare Legami inclusion pacts, personal budgets of at most €2,000 partly spent.
  const adults = await peopleOfComune(tx, CREMONA, '1962-01-01', '1998-12-31', 4);
  const pacts: [string, [number, string, string, number][]][] = [
    [
      'Perdita del lavoro e arretrati di affitto: patto per l’inclusione con tirocinio',
      [
        [45_000, 'Agenzia formativa CR.Forma', 'Iscrizione corso 14/2026', 60],
        [32_000, 'Autoscuola Città di Cremona', 'Ricevuta 203', 40],
      ],
    ],
    [
      'Madre sola con due figli, reddito insufficiente: patto con sostegno educativo',
      [
        [68_000, 'Cooperativa sociale Igea', 'Fattura 88/2026', 75],
        [54_000, 'Cooperativa sociale Igea', 'Fattura 112/2026', 45],
        [49_500, 'Libreria del Convegno', 'Scontrino 5521', 20],
      ],
    ],
    [
      'Uscita da una comunità terapeutica: patto per la casa e il lavoro',
      [[30_000, 'Ferramenta Po', 'Fattura 7/2026', 15]],
    ],
  ];
  // Drawn from the Comune di Cremona's line of Fare Legami's action 1 (inclusion pacts, seed 004).
  const { actionLines } = await personalBudgetSourceLines(tx, CREMONA);
  const pactLine = actionLines.find((l) => l.label.startsWith('Comune di Cremona — Anno 1'));
  const cremonaCases: string[] = [];
  for (const [i, [reason, expenses]] of pacts.entries()) {
    const person = adults[i];
    if (!person) continue;
    const requests = await helpRequestsOfPerson(tx, person.id);
    const id = await open({
      person,
      area: 'poverty',
      source: requests[0] ? 'help_request' : 'self',
      sourceRequestId: requests.find((r) => r.beneficiary_id === person.id)?.id ?? null,
      reason,
      responsible: worker,
      teamId: inclusion,
      openedDaysAgo: 90 - i * 20,
    });
    cremonaCases.push(id);
    await assess(
      id,
      CREMONA,
      85 - i * 20,
      answers(
        {
          AreaReddituale: '3',
          work: 'unemployed',
          housing_condition: i === 0 ? 'eviction' : 'precarious',
          AreaSupporto: '2',
        },
        [],
        {},
      ),
      worker,
    );
    await plan(
      id,
      CREMONA,
      {
        kind: 'inclusion_pact',
        title: 'Patto per l’inclusione – Fare Legami',
        signedDaysAgo: 80 - i * 20,
        reviewInDays: i === 1 ? 4 : 45,
        goals: [
          ['Trovare un’occupazione stabile', 'Contratto di almeno 6 mesi', 180],
          ['Mettersi in regola con l’affitto', 'Arretrati saldati', 120],
        ],
        commitments: [
          ['beneficiary', 'Partecipare al percorso di orientamento e ai colloqui'],
          ['services', 'Attivare il tirocinio e accompagnare la ricerca della casa'],
        ],
        interventions: [
          ['municipal_service', 'Tirocinio di inclusione'],
          ['municipal_service', 'Contributo per la formazione'],
        ],
        budget: { programme: 'fare_legami', capCents: 200_000, sourceLineId: pactLine?.id ?? null, expenses },
      },
      worker,
    );
  }
  // A second assessment of the first pact shows what changed.
  if (cremonaCases[0])
    await assess(
      cremonaCases[0],
      CREMONA,
      5,
      answers(
        { AreaReddituale: '2', work: 'precarious', housing_condition: 'precarious', AreaSupporto: '2' },
        [],
        {},
      ),
      worker,
    );

  // Cremona: a protected discharge from the hospital in progress, one step late.
  const [patient] = await peopleOfComune(tx, CREMONA, '1930-01-01', '1950-12-31', 1);
  if (patient) {
    const id = await open({
      person: patient,
      area: 'elderly',
      source: 'hospital',
      reason: 'Segnalazione ASST di Cremona: frattura di femore, vive sola, dimissione protetta',
      responsible: worker,
      teamId: elderly,
      openedDaysAgo: 6,
    });
    await assess(
      id,
      CREMONA,
      4,
      answers(
        {
          Mobilita: '2',
          AttivitaVitaQuotidiana: '2',
          NecessitaCureSanitarie: '2',
          AreaSupporto: '2',
          barriers: 'yes',
          caregiver_load: 'heavy',
        },
        ['bathing', 'dressing', 'transferring'],
        { shopping: 'd', housekeeping: 'e', laundry: 'c', transportation: 'e' },
      ),
      worker,
    );
    const dischargeId = await repo.insertDischarge(
      tx,
      id,
      CREMONA,
      {
        hospital: 'ASST di Cremona – Ospedale Maggiore',
        ward: 'Ortopedia',
        referralOn: addDays(today, -6),
        dischargeOn: addDays(today, 2),
        steps: DISCHARGE_STEPS.map((s, i) => ({
          key: s.key,
          deadline: addDays(today, [-4, -2, 1, 2, 4][i]!),
        })),
      },
      () => worker,
    );
    const [ward] = await repo.stepsOf(tx, [dischargeId]);
    if (ward) await repo.completeStep(tx, ward.id, addDays(today, -4));
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: CREMONA,
      kind: 'discharge',
      summary: `Dimissione protetta da ASST di Cremona: dimissione prevista il ${addDays(today, 2)}`,
      authorUserId: worker,
    });
  }

  // Cremasco: elderly people on PNRR home care, budgets drawn from the comune's share.
  const homeCare: [string, string, [number, string, string, number][]][] = [
    [
      CREMA,
      'Anziano solo con demenza lieve, figlia lontana: assistenza domiciliare PNRR',
      [[72_000, 'Cooperativa sociale Igea', 'Fattura 301/2025', 30]],
    ],
    [
      CASTELLEONE,
      'Coppia di anziani, la moglie caregiver è stanca: sollievo domiciliare',
      [[48_000, 'Fondazione Brunenghi di Castelleone', 'Fattura 55/2025', 20]],
    ],
    [
      SONCINO,
      'Anziana non autosufficiente dopo un ictus: assistenza domiciliare personalizzata',
      [[91_500, 'Fondazione RSA di Soncino', 'Fattura 19/2025', 25]],
    ],
  ];
  for (const [comune, reason, expenses] of homeCare) {
    const [person] = await peopleOfComune(tx, comune, '1925-01-01', '1961-12-31', 1);
    if (!person) continue;
    const id = await open({
      person,
      area: 'elderly',
      source: 'other_service',
      reason,
      responsible: cremaWorker,
      teamId: cremasco,
      openedDaysAgo: 40,
    });
    await assess(
      id,
      comune,
      38,
      answers(
        {
          Mobilita: '2',
          AttivitaVitaQuotidiana: '2',
          DisturbiAreaCognitiva: '1',
          NecessitaCureSanitarie: '2',
          AreaSupporto: '2',
        },
        ['bathing'],
        { shopping: 'c', food_preparation: 'c', transportation: 'd', medications: 'b' },
      ),
      cremaWorker,
    );
    const [share] = await shareLinesOfComune(tx, comune);
    await plan(
      id,
      comune,
      {
        kind: 'home_care',
        title: 'Piano di assistenza domiciliare – PNRR',
        signedDaysAgo: 35,
        reviewInDays: 60,
        goals: [['Restare a casa in sicurezza', 'Nessun ricovero evitabile in 6 mesi', 180]],
        commitments: [
          ['family', 'La figlia passa due sere a settimana'],
          ['third_sector', 'Tre accessi settimanali del servizio domiciliare'],
        ],
        interventions: [['municipal_service', 'Servizio di assistenza domiciliare (SAD)']],
        budget: { programme: 'pnrr_home_care', capCents: 200_000, sourceLineId: share?.id ?? null, expenses },
      },
      cremaWorker,
    );
  }

  // Casalasco: a family followed after a school referral.
  const [parent] = await peopleOfComune(tx, CASALMAGGIORE, '1960-01-01', '2000-12-31', 1);
  if (parent) {
    const id = await open({
      person: parent,
      area: 'minors_family',
      source: 'school',
      reason: 'Segnalazione della scuola primaria: assenze ripetute del figlio, famiglia in difficoltà',
      responsible: casalascoWorker,
      teamId: casalasco,
      openedDaysAgo: 12,
    });
    await assess(
      id,
      CASALMAGGIORE,
      10,
      answers({ AreaReddituale: '2', schooling: 'difficulties', caregiver_load: 'heavy' }, [], {}),
      casalascoWorker,
    );
  }

  // Cremona: two disabled pupils followed by the minors' team, each with the minor's assessment
  // SINBA asks for and the school transport the Comune subsidises (sent to INPS as SINBA flows).
  const minorsTeam = await repo.insertTeam(tx, {
    name: 'Cremona – Équipe minori e famiglia',
    comuneCode: CREMONA,
    members: [
      { userId: worker, role: 'member' },
      { userId: supervisor, role: 'supervisor' },
    ],
  });
  const year = Number(today.slice(0, 4));
  const pupils = await peopleOfComune(tx, CREMONA, `${year - 15}-01-01`, `${year - 7}-12-31`, 2);
  const transport = options.serviceIdsByName.get('Trasporto scolastico per alunni con disabilità')!;
  const situations: [string, Record<string, string>, string[]][] = [
    [
      'Alunno con disabilità motoria, famiglia con difficoltà economiche: trasporto scolastico e sostegno',
      {
        LuogoVita: '1',
        ScuolaFrequentata: '5',
        FonteSegnalazione: '13',
        ValutazioneMinore: '9',
        ValutazioneFamigliaMinore: '12',
        SegnalazioneAutoritaGiudiziaria: '2',
        ProvvedimentoGiudiziario: '2',
        TipoDisabilita: '1',
        InvCivCertificazioni: '5',
        CollaborazioniInterventi: '7',
      },
      ['1', '2', '3'],
    ],
    [
      'Alunna con disabilità in affido familiare eterofamiliare disposto dal Tribunale per i minorenni',
      {
        LuogoVita: '3',
        ScuolaFrequentata: '6',
        FonteSegnalazione: '11',
        ValutazioneMinore: '9',
        ValutazioneFamigliaMinore: '2',
        SegnalazioneAutoritaGiudiziaria: '1',
        DataSegnalazione: '03/2025',
        ProvvedimentoGiudiziario: '1',
        DataProvvedimentoGiudiziario: '05/2025',
        AutoritaProvvedimento: '2',
        TipoProvvedimentoGiudiziario: '4',
        FormaInterventoAffido: '2',
        TipoInterventoAffido: '2',
        DurataAffido: '1',
        CarattereAffido: '1',
        TipoDisabilita: '4',
        InvCivCertificazioni: '4',
        CollaborazioniInterventi: '2',
      },
      ['6'],
    ],
  ];
  for (const [i, pupil] of pupils.entries()) {
    const [reason, attributes, famiglia] = situations[i]!;
    const id = await open({
      person: pupil,
      area: 'minors_family',
      source: 'school',
      reason,
      responsible: worker,
      teamId: minorsTeam,
      openedDaysAgo: 50,
    });
    await repo.insertMinorAssessment(tx, {
      caseId: id,
      comuneCode: CREMONA,
      assessedOn: addDays(today, -45),
      attributes: {
        MinoreStranieroNoAcc: '2',
        CondizioneMinore: '1',
        CondizioneLavoro: '1',
        Disabilita: '1',
        DataPrimaSegnalazione: '09/2024',
        ...attributes,
      },
      famiglia,
      assessorUserId: worker,
    });
    await repo.insertEntry(tx, {
      caseId: id,
      comuneCode: CREMONA,
      kind: 'assessment',
      summary: `Valutazione del minore (SINBA) del ${addDays(today, -45)}`,
      authorUserId: worker,
    });
    await seedOrder(
      tx,
      {
        serviceId: transport,
        personId: pupil.id,
        comuneCode: CREMONA,
        quantity: 20,
        startDate: addDays(today, -40),
        unitPriceCents: 300,
        tariff: { note: 'Quota della famiglia per fascia ISEE' },
        assisted: null,
        status: 'confirmed',
      },
      worker,
    );
  }
}
