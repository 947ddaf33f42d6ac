import { createHash } from 'node:crypto';
import { SINA_FIELDS, sinaProblems, type SinaRecord } from '../../../../shared/src/cases/sina.js';
import { sinbaMissing, type SinbaRecord } from '../../../../shared/src/cases/sinba.js';
import type { RecordState, SourceKind } from '../../../../shared/src/siuss/siuss.schemas.js';
import { ageOn } from '../people/index.js';

/*
 * The SIUSS rules, without a database: a benefit Legami recorded becomes the content of one
 * record of INPS's PS_PSA_SINA flow (or the reasons it cannot), and the records already made for a
 * benefit decide what to send next — an insertion, a cancellation, or a cancellation and a new
 * insertion (TipoOperazione C + I), never the same record twice. A benefit to a minor goes in the
 * SINBA flow instead, from the minor's assessment in the case file, under a pseudonym.
 */

/** A benefit as its module recorded it, with the beneficiary's registry data. */
export interface BenefitFacts {
  sourceKind: SourceKind;
  /** The beneficiary in the registry: SINBA's pseudonym derives from it. */
  personId: string;
  sourceId: string;
  /** `catalog:<category>`, `budget:<programme>`, `programme:<kind>`: the key of the code mapping. */
  benefitKind: string;
  comuneCode: string;
  /** False when the source no longer stands (order cancelled, expense reversed, voucher cancelled). */
  live: boolean;
  person: {
    codiceFiscale: string | null;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: 'M' | 'F';
    comuneCode: string;
  };
  /** The day the benefit belongs to (delivery, start or expense). */
  benefitOn: string;
  startDate: string | null;
  endDate: string | null;
  deliveredOn: string | null;
  /** The value of the benefit, the comune's share and the beneficiary's share, in cents. */
  amountCents: number;
  enteCents: number | null;
  userCents: number | null;
  /** Followed by social services (a case file). */
  presaCarico: boolean;
  areaUtenza: '1' | '2' | '3' | null;
  /** The SINA attributes of the case's assessment on or before the benefit, if any. */
  sina: SinaRecord | null;
  /** For a minor: the latest SINBA assessment of their case files on or before the benefit. */
  sinba: SinbaRecord | null;
}

export interface CodeMapping {
  benefitKind: string;
  codicePrestazione: string | null;
  denominazione: string | null;
  presenzaProvaMezzi: '1' | '2' | '3' | '4';
  carattere: '1' | '2' | null;
  areaUtenza: '1' | '2' | '3' | null;
}

export interface EnteFacts {
  comuneCode: string;
  /** Belfiore (cadastral) code of the comune: the ente's code and seat in the flow. */
  belfiore: string;
  denominazione: string;
  cfOperatore: string;
}

/** What one PS_PSA_SINA record carries: XML attribute names as the XSD spells them. */
export interface RecordPayload {
  beneficiario: {
    CodiceFiscale: string;
    anagrafica: Record<string, string>;
    indirizzo: Record<string, string>;
  };
  prestazione: Record<string, string>;
  sina: Record<string, string> | null;
}

/** What one SINBA record carries: the SINBA element's attributes, its benefits and the family. */
export interface SinbaPayload {
  attributes: Record<string, string>;
  prestazioni: string[];
  famiglia: string[];
}

export type FlowTipo = 'PS_PSA_SINA' | 'SINBA';

/** A record's content in the flow it belongs to. */
export type RecordContent =
  { tipo: 'PS_PSA_SINA'; payload: RecordPayload } | { tipo: 'SINBA'; payload: SinbaPayload };

export type ProblemCode =
  | 'MISSING_CODICE_FISCALE'
  | 'INVALID_CODICE_FISCALE'
  | 'UNMAPPED_PRESTAZIONE'
  | 'SINBA_ASSESSMENT_MISSING'
  | 'SINBA_ASSESSMENT_INCOMPLETE'
  | 'SINBA_CANNOT_CANCEL'
  | 'ENTE_NOT_CONFIGURED'
  | 'CITIZENSHIP_UNKNOWN'
  | 'REGION_UNKNOWN';

export interface Problem {
  code: ProblemCode;
  message: string;
}

const PROBLEM_MESSAGES: Record<ProblemCode, string> = {
  MISSING_CODICE_FISCALE: 'Il beneficiario non ha il codice fiscale in anagrafica: SIUSS lo richiede.',
  INVALID_CODICE_FISCALE: 'Il codice fiscale del beneficiario non ha la forma che SIUSS accetta.',
  UNMAPPED_PRESTAZIONE:
    'Questo tipo di prestazione non ha un CodicePrestazione INPS: un amministratore lo imposta in «Codici SIUSS».',
  SINBA_ASSESSMENT_MISSING:
    'Il beneficiario è minorenne e va nel flusso SINBA: nella sua cartella sociale manca la valutazione del minore (SINBA) fatta entro la data della prestazione.',
  SINBA_ASSESSMENT_INCOMPLETE:
    'Il beneficiario è minorenne e va nel flusso SINBA: nella valutazione del minore mancano dati obbligatori.',
  SINBA_CANNOT_CANCEL:
    'La prestazione al minore è stata annullata dopo l’invio a INPS: il flusso SINBA non prevede annullamenti (TipoOperazione), va chiesto a INPS.',
  ENTE_NOT_CONFIGURED:
    "Il Comune non è configurato per il SIUSS: manca il codice fiscale dell'operatore che invia i flussi.",
  CITIZENSHIP_UNKNOWN:
    'Il beneficiario è nato all’estero e Legami non registra la cittadinanza, che SIUSS richiede.',
  REGION_UNKNOWN: 'Il Comune di residenza del beneficiario non è in una regione nota a Legami.',
};

/** A problem with its standard Italian message. */
export const problemFor = (code: ProblemCode): Problem => ({ code, message: PROBLEM_MESSAGES[code] });

// The XSD's pattern for a person's codice fiscale (16 characters; omocodia letters included).
const CF_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const OMOCODIA = 'LMNPQRSTUV';

/** The birth place's Belfiore code (a comune, or Z… for a foreign state) inside a codice fiscale. */
export function birthPlaceOf(codiceFiscale: string): string {
  const raw = codiceFiscale.slice(11, 15);
  return (
    raw[0]! + [...raw.slice(1)].map((c) => (OMOCODIA.includes(c) ? String(OMOCODIA.indexOf(c)) : c)).join('')
  );
}

// ISTAT province codes (the first three digits of a comune's code) of Lombardy, ISTAT region 03.
const LOMBARDY_PROVINCES = new Set([
  '012',
  '013',
  '014',
  '015',
  '016',
  '017',
  '018',
  '019',
  '020',
  '097',
  '098',
  '108',
]);

/** ISTAT region code of a comune, or null when Legami does not know it (it serves Lombardy). */
export function regionOf(istatCode: string): string | null {
  return LOMBARDY_PROVINCES.has(istatCode.slice(0, 3)) ? '03' : null;
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The SINA block from an assessment's codes, or null when the required ones are not all there. */
export function sinaBlockOf(sina: SinaRecord | null): Record<string, string> | null {
  if (!sina || sinaProblems(sina).length > 0) return null;
  const block: Record<string, string> = {};
  for (const field of SINA_FIELDS) {
    const value = sina[field];
    if (value) block[field] = value;
  }
  return block;
}

/**
 * The record's content for a benefit, or why it cannot be sent.
 * ProtocolloDomanda is the source's id without dashes (32 characters, the XSD's maximum).
 */
export function buildPayload(
  benefit: BenefitFacts,
  mapping: CodeMapping | null,
  ente: EnteFacts | null,
): { content: RecordContent } | { problems: Problem[] } {
  if (ageOn(benefit.person.birthDate, benefit.benefitOn) < 18)
    return buildSinbaPayload(benefit, mapping, ente);
  const problems: Problem[] = [];
  const cf = benefit.person.codiceFiscale?.toUpperCase() ?? null;
  if (!cf) problems.push(problemFor('MISSING_CODICE_FISCALE'));
  else if (!CF_PATTERN.test(cf)) problems.push(problemFor('INVALID_CODICE_FISCALE'));
  if (!mapping?.codicePrestazione || !mapping.denominazione)
    problems.push(problemFor('UNMAPPED_PRESTAZIONE'));
  if (!ente) problems.push(problemFor('ENTE_NOT_CONFIGURED'));
  const birthPlace = cf && CF_PATTERN.test(cf) ? birthPlaceOf(cf) : null;
  // Legami records no citizenship: a person born in Italy is sent as Italian (ISO 3166 380, as in
  // INPS's examples); one born abroad is not sent rather than sent with a guess.
  if (birthPlace?.startsWith('Z')) problems.push(problemFor('CITIZENSHIP_UNKNOWN'));
  const region = regionOf(benefit.person.comuneCode);
  if (!region) problems.push(problemFor('REGION_UNKNOWN'));
  if (
    problems.length > 0 ||
    !cf ||
    !mapping?.codicePrestazione ||
    !mapping.denominazione ||
    !birthPlace ||
    !region
  )
    return { problems };

  const prestazione: Record<string, string> = {
    PresenzaProvaMezzi: mapping.presenzaProvaMezzi,
    CodicePrestazione: mapping.codicePrestazione,
    DenominazionePrestazione: mapping.denominazione,
    ProtocolloDomanda: benefit.sourceId.replaceAll('-', ''),
    DataEvento: benefit.benefitOn,
    ImportoPrestazione: euros(benefit.amountCents),
    PresaCarico: benefit.presaCarico ? '1' : '2',
  };
  const optional: [string, string | null][] = [
    ['CaratterePrestazione', mapping.carattere],
    ['DataInizioPrestazione', benefit.startDate],
    ['DataFinePrestazione', benefit.endDate],
    ['DataErogazionePrestazione', benefit.deliveredOn],
    ['ImportoQuotaEnte', benefit.enteCents === null ? null : euros(benefit.enteCents)],
    ['ImportoQuotaUtente', benefit.userCents === null ? null : euros(benefit.userCents)],
    ['AreaUtenza', benefit.areaUtenza ?? mapping.areaUtenza],
  ];
  for (const [name, value] of optional) if (value !== null) prestazione[name] = value;

  return {
    content: {
      tipo: 'PS_PSA_SINA',
      payload: {
        beneficiario: {
          CodiceFiscale: cf,
          anagrafica: {
            Cognome: benefit.person.familyName.slice(0, 36),
            Nome: benefit.person.givenName.slice(0, 36),
            AnnoNascita: benefit.person.birthDate.slice(0, 4),
            LuogoNascita: birthPlace,
            Genere: benefit.person.sex === 'M' ? '1' : '2',
            CodiceCittadinanza: '380',
          },
          indirizzo: { CodiceRegione: region, CodiceComune: benefit.person.comuneCode, CodiceNazione: '380' },
        },
        prestazione,
        sina: sinaBlockOf(benefit.sina),
      },
    },
  };
}

/**
 * SINBA's pseudonymous beneficiary id: derived from the registry's random id, not from the
 * codice fiscale (which anyone could hash), so only Legami can tell who it is; stable, so INPS
 * links a minor's records over the years.
 */
export function sinbaBeneficiaryId(personId: string): string {
  return createHash('sha256').update(`sinba:${personId}`).digest('hex').slice(0, 20).toUpperCase();
}

/** SINBA's age band (FasciaEtaBeneficiario): 0-3, 3-6, … 15-18 years, three years each. */
export function sinbaAgeBand(age: number): string {
  return String(Math.min(6, Math.floor(age / 3) + 1));
}

/**
 * A minor's record: the registry gives the year of birth, the age band and the residence, the
 * mapping the benefit's code, the case file's minor's assessment everything else. Without that
 * assessment, or with a required datum missing, the operator is told what is missing.
 */
function buildSinbaPayload(
  benefit: BenefitFacts,
  mapping: CodeMapping | null,
  ente: EnteFacts | null,
): { content: RecordContent } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (!mapping?.codicePrestazione) problems.push(problemFor('UNMAPPED_PRESTAZIONE'));
  if (!ente) problems.push(problemFor('ENTE_NOT_CONFIGURED'));
  const missing = benefit.sinba ? sinbaMissing(benefit.sinba) : [];
  if (!benefit.sinba) problems.push(problemFor('SINBA_ASSESSMENT_MISSING'));
  else if (missing.length > 0)
    problems.push({
      code: 'SINBA_ASSESSMENT_INCOMPLETE',
      message: `${PROBLEM_MESSAGES.SINBA_ASSESSMENT_INCOMPLETE} Mancano: ${missing.join(', ')}.`,
    });
  if (problems.length > 0 || !benefit.sinba || !mapping?.codicePrestazione) return { problems };
  const region = regionOf(benefit.person.comuneCode);
  return {
    content: {
      tipo: 'SINBA',
      payload: {
        attributes: {
          IDBeneficiario: sinbaBeneficiaryId(benefit.personId),
          ...benefit.sinba.attributes,
          FasciaEtaBeneficiario: sinbaAgeBand(ageOn(benefit.person.birthDate, benefit.benefitOn)),
          AnnoNascita: benefit.person.birthDate.slice(0, 4),
          ...(region ? { CodiceRegioneResidenza: region } : {}),
          // Legami's registry holds residents of Italian comuni only.
          CodiceNazioneResidenza: '380',
        },
        prestazioni: [mapping.codicePrestazione],
        famiglia: benefit.sinba.famiglia,
      },
    },
  };
}

/** A stable fingerprint of a record's content: a change means a correction (C + I). */
export function payloadHash(payload: RecordPayload | SinbaPayload): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(payload)))
    .digest('hex');
}

/** The latest insertion made for a benefit, as the plan needs it. */
export interface PriorInsertion {
  id: string;
  state: RecordState;
  payloadHash: string;
  cancelled: boolean;
}

export type PlannedAction =
  | { kind: 'insert'; corrects: string | null }
  | { kind: 'cancel'; record: string }
  | { kind: 'withdraw'; record: string };

/**
 * What to send for one benefit, given its latest insertion (withdrawn ones aside). Invariants:
 * - an insertion never sent (pending) is withdrawn, not cancelled: INPS never saw it;
 * - one sent is cancelled (C) and, if the benefit still stands, a new insertion follows (I);
 * - a refused insertion is sent again only once its content changes (INPS would refuse it again);
 * - the same content is never inserted twice.
 * `content` is the new content's hash, or null when the benefit no longer stands or cannot be sent.
 */
export function planRecord(
  content: string | null,
  stands: boolean,
  prior: PriorInsertion | null,
): PlannedAction[] {
  const live =
    prior && !prior.cancelled && prior.state !== 'refused' && prior.state !== 'withdrawn' ? prior : null;
  if (!stands) {
    if (!live) return [];
    return [
      live.state === 'pending' ? { kind: 'withdraw', record: live.id } : { kind: 'cancel', record: live.id },
    ];
  }
  // A benefit that stands but cannot be sent (unmapped, no codice fiscale) keeps what INPS has.
  if (content === null) return [];
  if (!prior || prior.cancelled) return [{ kind: 'insert', corrects: null }];
  if (prior.payloadHash === content) return [];
  if (!live) return [{ kind: 'insert', corrects: prior.id }];
  return [
    live.state === 'pending' ? { kind: 'withdraw', record: live.id } : { kind: 'cancel', record: live.id },
    { kind: 'insert', corrects: live.id },
  ];
}

/**
 * INPS's flow id: `EEEE.TIPO.AAAAMMGG.NNNNNNN` — the ente's code, the format (PS or SINBA), the
 * day it was made and a daily progressive (waas-api-comuni.yaml, Flusso.id_flusso).
 */
export function flowId(belfiore: string, tipo: FlowTipo, day: string, progressive: number): string {
  return `${belfiore}.${FORMAT_OF[tipo]}.${day.replaceAll('-', '')}.${String(progressive).padStart(7, '0')}`;
}

/** The format's name in flow ids and file names. */
export const FORMAT_OF: Record<FlowTipo, string> = { PS_PSA_SINA: 'PS', SINBA: 'SINBA' };

/** The state INPS's outcome puts a record in. */
export function stateForEsito(code: string): 'accepted' | 'refused' {
  return code === 'OK' ? 'accepted' : 'refused';
}
