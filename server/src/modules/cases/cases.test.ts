import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AssessmentInputError,
  compareAssessments,
  DEFAULT_ASSESSMENT_FORM,
  KATZ_ADL,
  LAWTON_IADL,
  scoreAssessment,
  scoreKatz,
  scoreLawton,
  sinaRecordOf,
  type AssessmentAnswers,
} from '../../../../shared/src/cases/assessment.js';
import { SINA_ATTRIBUTES, SINA_FIELDS, sinaProblems } from '../../../../shared/src/cases/sina.js';
import type { Actor, Grant } from '../../platform/access/actor.js';
import type { Role } from '../../platform/access/roles.js';
import { addDays } from '../../platform/time.js';
import { caseAccess, caseAbilities, type ActorCaseFacts } from './cases.policy.js';
import {
  budgetIsNearCap,
  checkCaseStatusChange,
  checkDischargeChecklist,
  checkPlanTransition,
  dischargeState,
  DISCHARGE_STEPS,
  reviewIsDue,
  RuleViolation,
  type DischargeStepFacts,
} from './cases.rules.js';

const violation = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof RuleViolation || e instanceof AssessmentInputError
      ? e instanceof RuleViolation
        ? e.code
        : `${e.field}:${e.problem}`
      : 'unexpected';
  }
  return undefined;
};

const allKatz = (value: 'independent' | 'dependent') =>
  Object.fromEntries(KATZ_ADL.items.map((i) => [i.key, value]));

describe('Katz ADL', () => {
  it('scores 6 when independent in all six activities and 0 when dependent in all', () => {
    expect(KATZ_ADL.items).toHaveLength(6);
    expect(scoreKatz(allKatz('independent'))).toBe(6);
    expect(scoreKatz(allKatz('dependent'))).toBe(0);
  });

  it('counts one point per independent activity', () => {
    expect(scoreKatz({ ...allKatz('independent'), bathing: 'dependent', continence: 'dependent' })).toBe(4);
  });

  it('refuses a missing or unknown answer naming the item', () => {
    const { feeding: _omitted, ...five } = allKatz('independent');
    expect(violation(() => scoreKatz(five))).toBe('katz_adl.feeding:missing');
    expect(violation(() => scoreKatz({ ...allKatz('independent'), dressing: 'maybe' }))).toBe(
      'katz_adl.dressing:invalid',
    );
  });
});

describe('Lawton IADL', () => {
  it('has eight items and scores 8 for the first level of each', () => {
    expect(LAWTON_IADL.items).toHaveLength(8);
    expect(scoreLawton(Object.fromEntries(LAWTON_IADL.items.map((i) => [i.key, 'a'])))).toBe(8);
  });

  it('scores the levels of the original instrument (e.g. small purchases only = 0, light housework = 1)', () => {
    const answers = {
      telephone: 'c', // answers but does not dial: 1
      shopping: 'b', // small purchases only: 0
      food_preparation: 'a', // 1
      housekeeping: 'd', // needs help with all tasks but participates: 1
      laundry: 'c', // all done by others: 0
      transportation: 'd', // taxi or car with help: 0
      medications: 'b', // prepared in advance: 0
      finances: 'b', // day-to-day only: 1
    };
    expect(scoreLawton(answers)).toBe(4);
  });

  it('scores 0 for the last level of every item', () => {
    const last = Object.fromEntries(
      LAWTON_IADL.items.map((i) => [i.key, i.options[i.options.length - 1]!.value]),
    );
    expect(scoreLawton(last)).toBe(0);
  });
});

/** A complete set of answers to the default form, with overrides. */
function answers(
  overrides: Partial<AssessmentAnswers['items']> = {},
  katz = allKatz('independent'),
): AssessmentAnswers {
  return {
    items: {
      Mobilita: '1',
      AttivitaVitaQuotidiana: '1',
      DisturbiComportamentali: '1',
      AreaReddituale: '1',
      AreaSupporto: '1',
      FonteDerivazioneValutazione: '2',
      StrumentoValutazione: '1',
      housing_condition: 'adequate',
      barriers: 'no',
      work: 'not_applicable',
      caregiver_load: 'none',
      schooling: 'adequate',
      digital: 'good',
      legal_matters: 'none',
      guardianship: 'not_needed',
      ...overrides,
    },
    scales: {
      katz_adl: katz,
      lawton_iadl: Object.fromEntries(LAWTON_IADL.items.map((i) => [i.key, 'a'])),
    },
  };
}

describe('the assessment form', () => {
  it('has the six domains of the issue', () => {
    expect(DEFAULT_ASSESSMENT_FORM.domains.map((d) => d.key)).toEqual([
      'health_autonomy',
      'housing',
      'income_work',
      'family_relations',
      'education',
      'legal',
    ]);
  });

  it('computes no need for a fully autonomous person with resources', () => {
    const scores = scoreAssessment(DEFAULT_ASSESSMENT_FORM, answers());
    expect(scores.adl).toBe(6);
    expect(scores.iadl).toBe(8);
    expect(scores.totalNeed).toBe(0);
    expect(scores.domains.every((d) => d.need === 0 && d.max > 0)).toBe(true);
  });

  it('counts lost ADL/IADL points and SINA codes as need in health and autonomy', () => {
    const scores = scoreAssessment(
      DEFAULT_ASSESSMENT_FORM,
      answers(
        { Mobilita: '3', DisturbiAreaCognitiva: '2', housing_condition: 'eviction' },
        {
          ...allKatz('independent'),
          bathing: 'dependent',
        },
      ),
    );
    const health = scores.domains.find((d) => d.key === 'health_autonomy')!;
    // 1 Katz point lost + Mobilita code 3 (2 points) + cognitive code 2 (1 point).
    expect(health.need).toBe(4);
    // 6 + 8 scale points, Mobilita 2, cognitive 2, behaviour 1, health care 2.
    expect(health.max).toBe(21);
    expect(scores.domains.find((d) => d.key === 'housing')!.need).toBe(2);
    expect(scores.adl).toBe(5);
  });

  it('refuses a missing required item and an unknown option, naming the field', () => {
    expect(
      violation(() => scoreAssessment(DEFAULT_ASSESSMENT_FORM, answers({ housing_condition: undefined }))),
    ).toBe('housing_condition:missing');
    expect(violation(() => scoreAssessment(DEFAULT_ASSESSMENT_FORM, answers({ Mobilita: '4' })))).toBe(
      'Mobilita:invalid',
    );
    expect(
      violation(() => scoreAssessment(DEFAULT_ASSESSMENT_FORM, answers({ StrumentoValutazione: undefined }))),
    ).toBe('StrumentoValutazione:missing');
  });

  it('extracts a SINA record the schema accepts', () => {
    const record = sinaRecordOf(DEFAULT_ASSESSMENT_FORM, answers({ NecessitaCureSanitarie: '3' }));
    expect(record).toMatchObject({ Mobilita: '1', NecessitaCureSanitarie: '3', StrumentoValutazione: '1' });
    expect(record).not.toHaveProperty('DisturbiAreaCognitiva');
    expect(sinaProblems(record)).toEqual([]);
    expect(sinaProblems({ ...record, AreaSupporto: undefined, Mobilita: '9' })).toEqual([
      { field: 'Mobilita', problem: 'invalid' },
      { field: 'AreaSupporto', problem: 'missing' },
    ]);
  });
});

describe('the SINA fields', () => {
  const xsd = readFileSync(
    new URL('../../../../reference-data/siuss/PS_PSA_SINA201812.xsd', import.meta.url),
    'utf8',
  );

  it('are exactly the attributes of SINAType in the INPS schema, with the same required flags', () => {
    const sinaType = /<xs:complexType name="SINAType">([\s\S]*?)<\/xs:complexType>\s*<xs:simpleType/.exec(
      xsd,
    )![1]!;
    const attributes = [...sinaType.matchAll(/<xs:attribute name="(\w+)" type="(\w+)" use="(\w+)"/g)];
    expect(attributes.map((a) => a[1]).sort()).toEqual([...SINA_FIELDS].sort());
    for (const [, name, , use] of attributes)
      expect(SINA_ATTRIBUTES[name as keyof typeof SINA_ATTRIBUTES].required, name).toBe(use === 'required');
  });

  it('carry the codes and labels of each enumeration', () => {
    for (const field of SINA_FIELDS) {
      const type = new RegExp(`<xs:simpleType name="${field}Type">([\\s\\S]*?)</xs:simpleType>`).exec(
        xsd,
      )![1]!;
      const codes = [
        ...type.matchAll(/<xs:enumeration value="(\w+)">\s*<xs:annotation>\s*<xs:documentation>([^<]*)</g),
      ].map((m) => ({ code: m[1], label: m[2]!.trim() }));
      expect(SINA_ATTRIBUTES[field].codes, field).toEqual(codes);
    }
  });
});

describe('comparing two assessments', () => {
  it('shows per domain what changed and in which direction', () => {
    const before = answers({ housing_condition: 'eviction', AreaSupporto: '3' });
    const after = answers(
      { housing_condition: 'adequate', AreaSupporto: '3', Mobilita: '2' },
      {
        ...allKatz('independent'),
        transferring: 'dependent',
      },
    );
    const cmp = compareAssessments(DEFAULT_ASSESSMENT_FORM, before, after);
    const byKey = Object.fromEntries(cmp.domains.map((d) => [d.key, d]));
    expect(byKey.housing).toMatchObject({ before: 2, after: 0, delta: -2, trend: 'improved' });
    expect(byKey.housing!.changedItems).toEqual([
      { key: 'housing_condition', label: 'Condizione abitativa', before: 'eviction', after: 'adequate' },
    ]);
    expect(byKey.health_autonomy).toMatchObject({ before: 0, after: 2, trend: 'worsened' });
    expect(byKey.health_autonomy!.changedItems.map((c) => c.key)).toEqual(['katz_adl', 'Mobilita']);
    expect(byKey.family_relations).toMatchObject({ delta: 0, trend: 'unchanged', changedItems: [] });
    expect(cmp.adl).toEqual({ before: 6, after: 5 });
  });
});

describe('the plan', () => {
  const today = '2026-12-01';
  const plan = { state: 'draft' as const, goalIds: ['g1', 'g2'] };

  it('is agreed only when signed with a date and a method', () => {
    expect(
      violation(() =>
        checkPlanTransition(plan, { to: 'agreed', signedOn: today, signatureMethod: 'handwritten' }, today),
      ),
    ).toBeUndefined();
    expect(
      violation(() =>
        checkPlanTransition(
          plan,
          { to: 'agreed', signedOn: '2026-12-02', signatureMethod: 'handwritten' },
          today,
        ),
      ),
    ).toBe('PLAN_SIGNATURE_IN_FUTURE');
    expect(
      violation(() =>
        checkPlanTransition(
          plan,
          { to: 'agreed', signedOn: today, signatureMethod: 'telepathy' as never },
          today,
        ),
      ),
    ).toBe('PLAN_SIGNATURE_METHOD');
    expect(
      violation(() =>
        checkPlanTransition(
          { state: 'draft', goalIds: [] },
          { to: 'agreed', signedOn: today, signatureMethod: 'spid' },
          today,
        ),
      ),
    ).toBe('PLAN_WITHOUT_GOALS');
  });

  it('goes draft → agreed → under review → closed, never backwards to draft or out of closed', () => {
    expect(violation(() => checkPlanTransition(plan, { to: 'under_review' }, today))).toBe(
      'PLAN_TRANSITION_NOT_ALLOWED',
    );
    expect(
      violation(() => checkPlanTransition({ ...plan, state: 'agreed' }, { to: 'under_review' }, today)),
    ).toBeUndefined();
    expect(
      violation(() => checkPlanTransition({ ...plan, state: 'closed' }, { to: 'under_review' }, today)),
    ).toBe('PLAN_TRANSITION_NOT_ALLOWED');
  });

  it('closes only with an outcome for every goal', () => {
    const underReview = { ...plan, state: 'under_review' as const };
    expect(
      violation(() =>
        checkPlanTransition(underReview, { to: 'closed', outcomes: { g1: 'achieved' } }, today),
      ),
    ).toBe('PLAN_GOAL_OUTCOME_MISSING');
    expect(
      violation(() =>
        checkPlanTransition(
          underReview,
          { to: 'closed', outcomes: { g1: 'achieved', g2: 'not_achieved' } },
          today,
        ),
      ),
    ).toBeUndefined();
  });

  it('is due for review a week before the review date, and only when agreed', () => {
    expect(reviewIsDue({ state: 'agreed', reviewDate: '2026-12-08' }, today, addDays)).toBe(true);
    expect(reviewIsDue({ state: 'agreed', reviewDate: '2026-12-09' }, today, addDays)).toBe(false);
    expect(reviewIsDue({ state: 'draft', reviewDate: '2026-11-01' }, today, addDays)).toBe(false);
  });
});

describe('the case status', () => {
  it('closes only with an outcome and never reopens', () => {
    expect(violation(() => checkCaseStatusChange('open', 'closed', ' '))).toBe('CASE_OUTCOME_REQUIRED');
    expect(violation(() => checkCaseStatusChange('open', 'closed', 'Obiettivi raggiunti'))).toBeUndefined();
    expect(violation(() => checkCaseStatusChange('closed', 'open', null))).toBe('CASE_CLOSED');
    expect(violation(() => checkCaseStatusChange('open', 'suspended', null))).toBeUndefined();
  });
});

describe('the protected discharge checklist', () => {
  const step = (
    id: string,
    deadline: string,
    extra: Partial<DischargeStepFacts> = {},
  ): DischargeStepFacts => ({
    id,
    key: id,
    deadline,
    responsibleUserId: 'u1',
    completedOn: null,
    escalatedOn: null,
    ...extra,
  });

  it('finds a step late the day after its deadline, not on the day', () => {
    const state = dischargeState([step('a', '2026-11-30'), step('b', '2026-12-01')], '2026-12-01');
    expect(state.late).toEqual([{ id: 'a', key: 'a', daysLate: 1 }]);
    expect(state.red).toBe(true);
  });

  it('escalates each late step once, and not a completed one', () => {
    const state = dischargeState(
      [
        step('a', '2026-11-20', { escalatedOn: '2026-11-21' }),
        step('b', '2026-11-25'),
        step('c', '2026-11-25', { completedOn: '2026-11-26' }),
      ],
      '2026-12-01',
    );
    expect(state.late.map((l) => l.id)).toEqual(['a', 'b']);
    expect(state.toEscalate).toEqual(['b']);
    expect(state.done).toBe(false);
  });

  it('is green and done when every step is completed', () => {
    const state = dischargeState([step('a', '2026-11-20', { completedOn: '2026-11-19' })], '2026-12-01');
    expect(state).toMatchObject({ red: false, done: true, late: [] });
  });

  it('requires every standard step once, none due well after the discharge', () => {
    const all = DISCHARGE_STEPS.map((s) => ({ key: s.key, deadline: '2026-12-05' }));
    expect(violation(() => checkDischargeChecklist(all, '2026-12-04', addDays))).toBeUndefined();
    expect(violation(() => checkDischargeChecklist(all.slice(1), '2026-12-04', addDays))).toBe(
      'DISCHARGE_STEP_MISSING',
    );
    expect(
      violation(() =>
        checkDischargeChecklist(
          [...all.slice(0, 4), { key: 'first_visit', deadline: '2027-01-30' }],
          '2026-12-04',
          addDays,
        ),
      ),
    ).toBe('DISCHARGE_STEP_AFTER_DISCHARGE');
  });
});

describe('budgets close to their cap', () => {
  it('are flagged from 80 % spent', () => {
    expect(budgetIsNearCap({ capCents: 200_000, spentCents: 160_000 })).toBe(true);
    expect(budgetIsNearCap({ capCents: 200_000, spentCents: 159_999 })).toBe(false);
  });
});

describe('the case privacy policy', () => {
  const grant = (role: Role, comuni: string[] | 'all' = ['019036']): Grant => ({
    role,
    organizationId: null,
    scope: { type: 'ambito', id: 'CREMONA' },
    comuni: comuni === 'all' ? 'all' : new Set(comuni),
  });
  const actor = (role: Role, userId = 'me', comuni?: string[] | 'all'): Actor => ({
    userId,
    email: `${userId}@x.it`,
    fullName: userId,
    personId: null,
    locale: 'it',
    grants: [grant(role, comuni)],
  });
  const none: ActorCaseFacts = {
    memberOfTeams: new Set(),
    supervisorOfTeams: new Set(),
    breakGlassCases: new Set(),
  };
  const theCase = { comuneCode: '019036', responsibleUserId: 'resp', teamId: 'team-a' };

  it('gives the whole file to the responsible worker, the team and its supervisor', () => {
    expect(caseAccess(actor('assistente_sociale', 'resp'), 'c1', theCase, none)).toEqual({
      level: 'full',
      because: 'responsible',
    });
    expect(
      caseAccess(actor('assistente_sociale'), 'c1', theCase, { ...none, memberOfTeams: new Set(['team-a']) }),
    ).toEqual({ level: 'full', because: 'team' });
    expect(
      caseAccess(actor('assistente_sociale'), 'c1', theCase, {
        ...none,
        supervisorOfTeams: new Set(['team-a']),
      }),
    ).toEqual({ level: 'full', because: 'supervisor' });
  });

  it('lets another team’s social worker in only through break-glass', () => {
    const other = caseAccess(actor('assistente_sociale'), 'c1', theCase, {
      ...none,
      memberOfTeams: new Set(['team-b']),
    });
    expect(other).toEqual({ level: 'break_glass_available' });
    expect(caseAbilities(other, actor('assistente_sociale'), theCase)).toEqual({
      change: false,
      manage: false,
      breakGlass: true,
    });
    const glass = caseAccess(actor('assistente_sociale'), 'c1', theCase, {
      ...none,
      breakGlassCases: new Set(['c1']),
    });
    expect(glass).toEqual({ level: 'full', because: 'break_glass' });
    // Reading in an emergency is not a licence to change the file.
    expect(caseAbilities(glass, actor('assistente_sociale'), theCase).change).toBe(false);
  });

  it('hides a case from another district, even to its own team members', () => {
    expect(
      caseAccess(actor('assistente_sociale', 'resp', ['019035']), 'c1', theCase, {
        ...none,
        memberOfTeams: new Set(['team-a']),
      }),
    ).toEqual({ level: 'hidden' });
  });

  it('gives nothing to every other role, whatever their territory', () => {
    for (const role of [
      'cittadino',
      'operatore',
      'welfare_manager',
      'coordinatore',
      'volontario',
      'fornitore',
      'revisore',
    ] as const)
      expect(caseAccess(actor(role, 'resp'), 'c1', theCase, none), role).toEqual({ level: 'none' });
    expect(caseAccess(actor('amministratore', 'resp', 'all'), 'c1', theCase, none)).toEqual({
      level: 'none',
    });
  });
});
