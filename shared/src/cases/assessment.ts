/*
 * The multidimensional assessment: standard scales (Katz ADL, Lawton IADL), a configurable form of
 * domains and items with scores computed by the form, the SINA fields it feeds, and the comparison
 * of two assessments. Pure and shared: the server validates and stores, the web app previews.
 */
import { SINA_ATTRIBUTES, type SinaField, type SinaRecord } from './sina.js';

export interface ScaleOption {
  value: string;
  label: string;
  /** 1 = independent for that item, 0 = dependent (both scales score this way). */
  score: 0 | 1;
}

export interface ScaleItem {
  key: string;
  label: string;
  options: readonly ScaleOption[];
}

export interface Scale {
  key: 'katz_adl' | 'lawton_iadl';
  label: string;
  items: readonly ScaleItem[];
}

const yesNo = (independent: string, dependent: string): ScaleOption[] => [
  { value: 'independent', label: independent, score: 1 },
  { value: 'dependent', label: dependent, score: 0 },
];

/**
 * Katz Index of Independence in Activities of Daily Living (Katz et al., 1963): six items, one point
 * each when done without supervision, direction or personal assistance; 6 = fully independent.
 */
export const KATZ_ADL: Scale = {
  key: 'katz_adl',
  label: 'Indice di Katz (ADL)',
  items: [
    { key: 'bathing', label: 'Fare il bagno', options: yesNo('Autonomo', 'Necessita di aiuto') },
    { key: 'dressing', label: 'Vestirsi', options: yesNo('Autonomo', 'Necessita di aiuto') },
    { key: 'toileting', label: 'Uso dei servizi igienici', options: yesNo('Autonomo', 'Necessita di aiuto') },
    {
      key: 'transferring',
      label: 'Spostarsi dal letto alla sedia',
      options: yesNo('Autonomo', 'Necessita di aiuto'),
    },
    {
      key: 'continence',
      label: 'Continenza',
      options: yesNo('Continente', 'Incontinente, parziale o totale'),
    },
    { key: 'feeding', label: 'Alimentarsi', options: yesNo('Autonomo', 'Necessita di aiuto') },
  ],
};

/**
 * Lawton Instrumental Activities of Daily Living scale (Lawton & Brody, 1969): eight items whose
 * levels score 1 or 0 as in the original instrument; 8 = fully independent.
 */
export const LAWTON_IADL: Scale = {
  key: 'lawton_iadl',
  label: 'Scala di Lawton (IADL)',
  items: [
    {
      key: 'telephone',
      label: 'Usare il telefono',
      options: [
        { value: 'a', label: 'Usa il telefono di propria iniziativa', score: 1 },
        { value: 'b', label: 'Compone alcuni numeri ben noti', score: 1 },
        { value: 'c', label: 'Risponde ma non sa comporre i numeri', score: 1 },
        { value: 'd', label: 'Non usa il telefono', score: 0 },
      ],
    },
    {
      key: 'shopping',
      label: 'Fare la spesa',
      options: [
        { value: 'a', label: 'Fa tutta la spesa da solo', score: 1 },
        { value: 'b', label: 'Fa da solo piccoli acquisti', score: 0 },
        { value: 'c', label: 'Deve essere accompagnato', score: 0 },
        { value: 'd', label: 'Non è in grado di fare la spesa', score: 0 },
      ],
    },
    {
      key: 'food_preparation',
      label: 'Preparare i pasti',
      options: [
        { value: 'a', label: 'Organizza, prepara e serve pasti adeguati da solo', score: 1 },
        { value: 'b', label: 'Prepara pasti adeguati se ha gli ingredienti', score: 0 },
        { value: 'c', label: 'Scalda pasti pronti, o non mantiene una dieta adeguata', score: 0 },
        { value: 'd', label: 'Ha bisogno che i pasti siano preparati e serviti', score: 0 },
      ],
    },
    {
      key: 'housekeeping',
      label: 'Governo della casa',
      options: [
        { value: 'a', label: 'Mantiene la casa da solo o con aiuto occasionale', score: 1 },
        { value: 'b', label: 'Esegue compiti quotidiani leggeri', score: 1 },
        { value: 'c', label: 'Esegue compiti leggeri ma non mantiene la pulizia', score: 1 },
        { value: 'd', label: 'Ha bisogno di aiuto in ogni operazione', score: 1 },
        { value: 'e', label: 'Non partecipa ad alcuna operazione', score: 0 },
      ],
    },
    {
      key: 'laundry',
      label: 'Fare il bucato',
      options: [
        { value: 'a', label: 'Fa il bucato personale completamente', score: 1 },
        { value: 'b', label: 'Lava piccoli capi', score: 1 },
        { value: 'c', label: 'Tutto il bucato è fatto da altri', score: 0 },
      ],
    },
    {
      key: 'transportation',
      label: 'Spostarsi fuori casa',
      options: [
        { value: 'a', label: 'Usa i mezzi pubblici o guida da solo', score: 1 },
        { value: 'b', label: 'Si organizza con taxi, non usa i mezzi pubblici', score: 1 },
        { value: 'c', label: 'Usa i mezzi pubblici se accompagnato', score: 1 },
        { value: 'd', label: "Si sposta solo in taxi o in auto con l'aiuto di altri", score: 0 },
        { value: 'e', label: 'Non si sposta', score: 0 },
      ],
    },
    {
      key: 'medications',
      label: 'Assumere i farmaci',
      options: [
        { value: 'a', label: 'Prende i farmaci da solo nelle dosi e agli orari giusti', score: 1 },
        { value: 'b', label: 'Li prende se preparati in anticipo in dosi separate', score: 0 },
        { value: 'c', label: 'Non è in grado di prendere i farmaci da solo', score: 0 },
      ],
    },
    {
      key: 'finances',
      label: 'Gestire il denaro',
      options: [
        { value: 'a', label: 'Gestisce le finanze da solo', score: 1 },
        { value: 'b', label: 'Gestisce gli acquisti quotidiani, ha bisogno di aiuto in banca', score: 1 },
        { value: 'c', label: 'Non è in grado di gestire il denaro', score: 0 },
      ],
    },
  ],
};

export const SCALES = { katz_adl: KATZ_ADL, lawton_iadl: LAWTON_IADL } as const;

export class AssessmentInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: 'missing' | 'invalid',
  ) {
    super(`${field}: ${problem}`);
  }
}

/**
 * The score of a scale from one answer per item (option values).
 * @throws AssessmentInputError naming the first item missing or with an unknown option.
 */
export function scoreScale(scale: Scale, answers: Readonly<Record<string, string | undefined>>): number {
  let total = 0;
  for (const item of scale.items) {
    const value = answers[item.key];
    if (value === undefined || value === '')
      throw new AssessmentInputError(`${scale.key}.${item.key}`, 'missing');
    const option = item.options.find((o) => o.value === value);
    if (!option) throw new AssessmentInputError(`${scale.key}.${item.key}`, 'invalid');
    total += option.score;
  }
  return total;
}

/** Katz ADL, 0–6 (6 = independent in all six activities). */
export const scoreKatz = (answers: Readonly<Record<string, string | undefined>>) =>
  scoreScale(KATZ_ADL, answers);
/** Lawton IADL, 0–8 (8 = independent in all eight activities). */
export const scoreLawton = (answers: Readonly<Record<string, string | undefined>>) =>
  scoreScale(LAWTON_IADL, answers);

// ---------------------------------------------------------------------------------------------
// Configurable forms

export const DOMAIN_KEYS = [
  'health_autonomy',
  'housing',
  'income_work',
  'family_relations',
  'education',
  'legal',
] as const;
export type DomainKey = (typeof DOMAIN_KEYS)[number];

export interface ChoiceOption {
  value: string;
  label: string;
  /** Need points: 0 = no need in this respect; higher = more need. */
  need: number;
}

/** One item of a domain: a choice scored in need points, a standard scale, or a SINA attribute. */
export type FormItem =
  | { kind: 'choice'; key: string; label: string; required: boolean; options: readonly ChoiceOption[] }
  /** A scale counts its lost points as need: (max − score). */
  | { kind: 'scale'; key: Scale['key']; label: string; required: boolean }
  /** A SINA attribute; its code n counts n − 1 need points when `scored`. */
  | { kind: 'sina'; key: SinaField; label: string; required: boolean; scored: boolean };

export interface FormDomain {
  key: DomainKey;
  label: string;
  items: readonly FormItem[];
}

export interface AssessmentForm {
  id: string;
  version: number;
  label: string;
  domains: readonly FormDomain[];
}

/** What a social worker records: per item a value, per scale its item answers, notes per domain. */
export interface AssessmentAnswers {
  items: Record<string, string | undefined>;
  scales: Partial<Record<Scale['key'], Record<string, string | undefined>>>;
  notes?: Partial<Record<DomainKey, string>>;
}

export interface DomainScore {
  key: DomainKey;
  label: string;
  /** Need points, 0..max; higher is more need. */
  need: number;
  max: number;
}

export interface AssessmentScores {
  domains: DomainScore[];
  /** Katz ADL 0–6 and Lawton IADL 0–8, when the form has them. */
  adl: number | null;
  iadl: number | null;
  totalNeed: number;
  totalMax: number;
}

const sinaLabel = (field: SinaField) => SINA_ATTRIBUTES[field].name;

const choice = (
  key: string,
  label: string,
  options: [string, string, number][],
  required = true,
): FormItem => ({
  kind: 'choice',
  key,
  label,
  required,
  options: options.map(([value, optionLabel, need]) => ({ value, label: optionLabel, need })),
});

/**
 * Legami's default multidimensional form: the six domains of the issue, the two standard scales
 * and every SINA attribute, so that a non-self-sufficiency assessment can feed the SIUSS flow.
 */
export const DEFAULT_ASSESSMENT_FORM: AssessmentForm = {
  id: 'legami-multidimensionale',
  version: 1,
  label: 'Valutazione multidimensionale del bisogno',
  domains: [
    {
      key: 'health_autonomy',
      label: 'Salute e autonomia',
      items: [
        { kind: 'scale', key: 'katz_adl', label: KATZ_ADL.label, required: true },
        { kind: 'scale', key: 'lawton_iadl', label: LAWTON_IADL.label, required: true },
        { kind: 'sina', key: 'Mobilita', label: 'Mobilità', required: true, scored: true },
        {
          kind: 'sina',
          key: 'AttivitaVitaQuotidiana',
          label: 'Attività della vita quotidiana',
          required: true,
          scored: false,
        },
        {
          kind: 'sina',
          key: 'DisturbiAreaCognitiva',
          label: 'Disturbi area cognitiva',
          required: false,
          scored: true,
        },
        {
          kind: 'sina',
          key: 'DisturbiComportamentali',
          label: 'Disturbi comportamentali',
          required: true,
          scored: true,
        },
        {
          kind: 'sina',
          key: 'NecessitaCureSanitarie',
          label: 'Necessità di cure sanitarie',
          required: false,
          scored: true,
        },
        {
          kind: 'sina',
          key: 'FonteDerivazioneInvalidita',
          label: 'Fonte invalidità',
          required: false,
          scored: false,
        },
      ],
    },
    {
      key: 'housing',
      label: 'Abitazione',
      items: [
        choice('housing_condition', 'Condizione abitativa', [
          ['adequate', 'Adeguata', 0],
          ['precarious', 'Precaria o sovraffollata', 1],
          ['eviction', 'Sfratto o perdita imminente della casa', 2],
          ['homeless', 'Senza dimora', 3],
        ]),
        choice('barriers', 'Barriere architettoniche', [
          ['no', 'Assenti', 0],
          ['yes', 'Presenti', 1],
        ]),
      ],
    },
    {
      key: 'income_work',
      label: 'Reddito e lavoro',
      items: [
        { kind: 'sina', key: 'AreaReddituale', label: 'Area reddituale', required: true, scored: true },
        choice('work', 'Condizione lavorativa', [
          ['employed', 'Occupato stabilmente', 0],
          ['not_applicable', 'Pensionato o non in età di lavoro', 0],
          ['precarious', 'Lavoro precario o saltuario', 1],
          ['unemployed', 'Disoccupato', 2],
        ]),
      ],
    },
    {
      key: 'family_relations',
      label: 'Famiglia e relazioni',
      items: [
        { kind: 'sina', key: 'AreaSupporto', label: 'Rete di supporto', required: true, scored: true },
        choice('caregiver_load', 'Carico di cura del caregiver', [
          ['none', 'Nessun caregiver necessario', 0],
          ['sustainable', 'Sostenibile', 0],
          ['heavy', 'Pesante', 1],
          ['unsustainable', 'Non sostenibile', 2],
        ]),
      ],
    },
    {
      key: 'education',
      label: 'Istruzione',
      items: [
        choice('schooling', 'Percorso scolastico o formativo', [
          ['adequate', 'Adeguato o concluso', 0],
          ['difficulties', 'Difficoltà', 1],
          ['dropout', 'Abbandono', 2],
        ]),
        choice('digital', 'Competenze digitali', [
          ['good', 'Buone', 0],
          ['basic', 'Di base', 1],
          ['none', 'Nessuna', 2],
        ]),
      ],
    },
    {
      key: 'legal',
      label: 'Situazione giuridica',
      items: [
        choice('legal_matters', 'Questioni legali', [
          ['none', 'Nessuna', 0],
          ['pending', 'Procedimenti in corso', 1],
          ['measures', "Misure dell'autorità giudiziaria", 2],
        ]),
        choice('guardianship', 'Amministratore di sostegno o tutela', [
          ['not_needed', 'Non necessario', 0],
          ['present', 'Nominato', 0],
          ['needed', 'Necessario, da richiedere', 1],
        ]),
      ],
    },
  ],
};

/** The two SINA attributes that describe the assessment itself rather than the person. */
export const SINA_ASSESSMENT_FIELDS = ['FonteDerivazioneValutazione', 'StrumentoValutazione'] as const;

function itemMax(item: FormItem): number {
  if (item.kind === 'choice') return Math.max(...item.options.map((o) => o.need));
  if (item.kind === 'scale') return SCALES[item.key].items.length;
  return item.scored ? SINA_ATTRIBUTES[item.key].codes.length - 1 : 0;
}

/**
 * Validates the answers against the form and computes each domain's need score and the scales.
 * SINA attributes of the assessment itself (source, tool) are required too.
 * @throws AssessmentInputError naming the first field missing or invalid.
 */
export function scoreAssessment(form: AssessmentForm, answers: AssessmentAnswers): AssessmentScores {
  let adl: number | null = null;
  let iadl: number | null = null;
  const domains: DomainScore[] = [];
  for (const domain of form.domains) {
    let need = 0;
    let max = 0;
    for (const item of domain.items) {
      max += itemMax(item);
      if (item.kind === 'scale') {
        const scaleAnswers = answers.scales[item.key];
        if (!scaleAnswers) {
          if (item.required) throw new AssessmentInputError(item.key, 'missing');
          continue;
        }
        const score = scoreScale(SCALES[item.key], scaleAnswers);
        if (item.key === 'katz_adl') adl = score;
        else iadl = score;
        need += SCALES[item.key].items.length - score;
        continue;
      }
      const value = answers.items[item.key];
      if (value === undefined || value === '') {
        if (item.required) throw new AssessmentInputError(item.key, 'missing');
        continue;
      }
      if (item.kind === 'choice') {
        const option = item.options.find((o) => o.value === value);
        if (!option) throw new AssessmentInputError(item.key, 'invalid');
        need += option.need;
      } else {
        const index = SINA_ATTRIBUTES[item.key].codes.findIndex((c) => c.code === value);
        if (index < 0) throw new AssessmentInputError(item.key, 'invalid');
        if (item.scored) need += index;
      }
    }
    domains.push({ key: domain.key, label: domain.label, need, max });
  }
  for (const field of SINA_ASSESSMENT_FIELDS) {
    const value = answers.items[field];
    if (value === undefined || value === '') throw new AssessmentInputError(field, 'missing');
    if (!SINA_ATTRIBUTES[field].codes.some((c) => c.code === value))
      throw new AssessmentInputError(field, 'invalid');
  }
  return {
    domains,
    adl,
    iadl,
    totalNeed: domains.reduce((s, d) => s + d.need, 0),
    totalMax: domains.reduce((s, d) => s + d.max, 0),
  };
}

/** The SINA record of an assessment, ready for the SIUSS flow (only the schema's attributes). */
export function sinaRecordOf(form: AssessmentForm, answers: AssessmentAnswers): SinaRecord {
  const record: SinaRecord = {};
  const fields = new Set<SinaField>(SINA_ASSESSMENT_FIELDS);
  for (const domain of form.domains)
    for (const item of domain.items) if (item.kind === 'sina') fields.add(item.key);
  for (const field of fields) {
    const value = answers.items[field];
    if (value) record[field] = value;
  }
  return record;
}

/** Every field label of a form, for error messages that name the field. */
export function fieldLabel(form: AssessmentForm, key: string): string {
  const [scaleKey, itemKey] = key.split('.');
  for (const domain of form.domains)
    for (const item of domain.items) {
      if (item.key === key) return item.label;
      if (item.kind === 'scale' && item.key === scaleKey && itemKey) {
        const scaleItem = SCALES[item.key].items.find((i) => i.key === itemKey);
        if (scaleItem) return `${item.label}: ${scaleItem.label}`;
      }
    }
  if (key in SINA_ATTRIBUTES) return sinaLabel(key as SinaField);
  return key;
}

// ---------------------------------------------------------------------------------------------
// Comparison

export interface DomainChange {
  key: DomainKey;
  label: string;
  before: number;
  after: number;
  max: number;
  /** after − before in need points: negative is an improvement. */
  delta: number;
  trend: 'improved' | 'worsened' | 'unchanged';
  /** Items whose answer changed, with both answers. */
  changedItems: { key: string; label: string; before: string | null; after: string | null }[];
}

export interface AssessmentComparison {
  domains: DomainChange[];
  adl: { before: number | null; after: number | null };
  iadl: { before: number | null; after: number | null };
}

function answerOf(item: FormItem, answers: AssessmentAnswers): string | null {
  if (item.kind === 'scale') {
    const a = answers.scales[item.key];
    return a ? String(scoreScale(SCALES[item.key], a)) : null;
  }
  return answers.items[item.key] ?? null;
}

/** What changed per domain between an earlier and a later assessment on the same form. */
export function compareAssessments(
  form: AssessmentForm,
  earlier: AssessmentAnswers,
  later: AssessmentAnswers,
): AssessmentComparison {
  const a = scoreAssessment(form, earlier);
  const b = scoreAssessment(form, later);
  const domains = form.domains.map((domain, i): DomainChange => {
    const before = a.domains[i]!.need;
    const after = b.domains[i]!.need;
    const changedItems = domain.items
      .map((item) => ({
        key: item.key,
        label: item.label,
        before: answerOf(item, earlier),
        after: answerOf(item, later),
      }))
      .filter((c) => c.before !== c.after);
    return {
      key: domain.key,
      label: domain.label,
      before,
      after,
      max: a.domains[i]!.max,
      delta: after - before,
      trend: after < before ? 'improved' : after > before ? 'worsened' : 'unchanged',
      changedItems,
    };
  });
  return { domains, adl: { before: a.adl, after: b.adl }, iadl: { before: a.iadl, after: b.iadl } };
}
