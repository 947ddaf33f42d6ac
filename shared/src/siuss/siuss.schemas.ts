import { Type, type Static } from 'typebox';
import { IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

/*
 * SIUSS, the national social-services information system run by INPS: the mapping of Legami's
 * benefits to INPS's codes, each comune's sending configuration, the flows (one record each) with
 * their state, the bulk file, and the comune's side of INPS's "Welfare as a Service" API
 * (reference-data/siuss/waas-api-comuni.yaml), whose field names are INPS's own (snake_case).
 */

// Null first: Fastify's Ajv coerces types, and would turn a null into 0 or "" for the first branch.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const BenefitKind = Type.String({ pattern: '^[a-z_]+:[a-z0-9_]+$', maxLength: 60 });
export const RECORD_STATES = ['pending', 'sent', 'accepted', 'refused', 'withdrawn'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export const SOURCE_KINDS = ['catalog_order', 'budget_expense', 'programme_application', 'voucher'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const ESITO_CODES = ['OK', 'DATI_NON_TROVATI', 'RICHIESTA_INVALIDA', 'ERRORE_GENERICO'] as const;
export type EsitoCode = (typeof ESITO_CODES)[number];

const ProvaMezzi = Type.Enum(['1', '2', '3', '4'], {
  description: '1 ISEE, 2 altra prova dei mezzi, 3 esente per altri criteri di bisogno, 4 nessuna',
});
const Carattere = Type.Enum(['1', '2'], { description: '1 periodico, 2 occasionale' });
const AreaUtenza = Type.Enum(['1', '2', '3'], {
  description: '1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà ed esclusione sociale',
});

export const SiussCode = Type.Object({
  benefitKind: BenefitKind,
  label: Type.String(),
  codicePrestazione: Nullable(Type.String()),
  denominazione: Nullable(Type.String()),
  presenzaProvaMezzi: ProvaMezzi,
  carattere: Nullable(Carattere),
  areaUtenza: Nullable(AreaUtenza),
  note: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SiussCode = Static<typeof SiussCode>;

export const KindParams = Type.Object({ kind: BenefitKind });

export const UpdateCodeBody = Type.Object(
  {
    codicePrestazione: Nullable(Type.String({ minLength: 5, maxLength: 10, pattern: '^\\S+$' })),
    denominazione: Nullable(Type.String({ minLength: 10, maxLength: 200 })),
    presenzaProvaMezzi: ProvaMezzi,
    carattere: Nullable(Carattere),
    areaUtenza: Nullable(AreaUtenza),
    note: Nullable(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type UpdateCodeBody = Static<typeof UpdateCodeBody>;

export const SiussEnte = Type.Object({
  comuneCode: IstatCode,
  comuneName: Type.String(),
  cfOperatore: Type.String(),
  denominazione: Type.String(),
  hasKey: Type.Boolean(),
  keyCreatedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type SiussEnte = Static<typeof SiussEnte>;

export const ComuneParams = Type.Object({ code: IstatCode });

export const UpdateEnteBody = Type.Object(
  {
    cfOperatore: Type.String({
      pattern: '^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$',
      description: "Codice fiscale dell'operatore (16 caratteri) o dell'ente (11 cifre)",
    }),
    denominazione: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type UpdateEnteBody = Static<typeof UpdateEnteBody>;

export const EnteKey = Type.Object({
  comuneCode: IstatCode,
  key: Type.String({ description: 'Shown once: Legami keeps only its SHA-256.' }),
});

export const PeriodQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });
export type PeriodQuery = Static<typeof PeriodQuery>;

export const RecordProblem = Type.Object({
  sourceKind: Type.Enum(SOURCE_KINDS),
  sourceId: Uuid,
  benefitKind: BenefitKind,
  comuneCode: IstatCode,
  code: Type.String(),
  message: Type.String(),
});
export type RecordProblem = Static<typeof RecordProblem>;

export const ExportFile = Type.Object({
  comuneCode: IstatCode,
  fileName: Type.String(),
  records: Type.Integer({ minimum: 0 }),
  xml: Type.String(),
});

export const XsdError = Type.Object({
  fileName: Type.String(),
  line: Nullable(Type.Integer()),
  message: Type.String(),
});

export const ExportResult = Type.Object({
  from: IsoDate,
  to: IsoDate,
  files: Type.Array(ExportFile),
  report: Type.Object({
    /** Every file validates against PS_PSA_SINA201812.xsd. */
    valid: Type.Boolean(),
    /** Records in the files: the period's bulk submission (the same file again unless data changed). */
    exported: Type.Integer({ minimum: 0 }),
    /** Of those, the ones exported for the first time now. */
    firstExported: Type.Integer({ minimum: 0 }),
    /** Records of the period INPS already pulled through WaaS: never in a file. */
    sentThroughWaas: Type.Integer({ minimum: 0 }),
    problems: Type.Array(RecordProblem),
    xsdErrors: Type.Array(XsdError),
  }),
});
export type ExportResult = Static<typeof ExportResult>;

export const SiussRecord = Type.Object({
  id: Uuid,
  idFlusso: Type.String(),
  comuneCode: IstatCode,
  operation: Type.Enum(['I', 'C']),
  benefitKind: BenefitKind,
  sourceKind: Type.Enum(SOURCE_KINDS),
  sourceId: Uuid,
  benefitOn: IsoDate,
  state: Type.Enum(RECORD_STATES),
  channel: Nullable(Type.Enum(['waas', 'bulk'])),
  tsFlusso: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  esito: Nullable(
    Type.Object({
      code: Type.Enum(ESITO_CODES),
      description: Nullable(Type.String()),
      idAcquisizioneSiuss: Nullable(Type.String()),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  cancelsRecordId: Nullable(Uuid),
  correctsRecordId: Nullable(Uuid),
});
export type SiussRecord = Static<typeof SiussRecord>;

export const RecordsQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(RECORD_STATES)),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type RecordsQuery = Static<typeof RecordsQuery>;

// The WaaS API, as INPS's OpenAPI (waas-api-comuni.yaml 2.0.1) defines it.
export const TipoFlusso = Type.Enum(['PS_PSA_SINA', 'SINBA']);

export const FlussiQuery = Type.Object({
  since: Type.Integer({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'Unix ms of the last flow acquired; 0 the first time',
  }),
  limit: Type.Integer({ minimum: 0, maximum: 100, default: 10 }),
});
export type FlussiQuery = Static<typeof FlussiQuery>;

export const WaasFlusso = Type.Object({
  codice_ente: Type.String({ pattern: '^[A-Z][0-9]{3}$' }),
  denominazione_ente: Type.String({ maxLength: 256 }),
  id_flusso: Type.String({ maxLength: 64 }),
  tipo: TipoFlusso,
  ts_flusso: Type.String({ format: 'date-time' }),
  flusso: Type.String({ description: 'The XML flow, base64' }),
});
export type WaasFlusso = Static<typeof WaasFlusso>;

export const WaasEntries = Type.Object({ elenco_flussi: Type.Array(WaasFlusso, { maxItems: 100 }) });

export const WaasEsito = Type.Object({
  id_flusso: Type.String({ maxLength: 64 }),
  tipo: Type.String({ maxLength: 20 }),
  ts_flusso: Type.String({ format: 'date-time' }),
  ts_acquisizione: Type.String({ format: 'date-time' }),
  codice_esito: Type.Enum(ESITO_CODES),
  descrizione_esito: Type.Optional(Type.String({ maxLength: 4096 })),
  id_acquisizione_siuss: Type.Optional(Type.String({ maxLength: 64 })),
});
export type WaasEsito = Static<typeof WaasEsito>;

export const WaasEsitiBody = Type.Object({
  elenco_esiti: Type.Array(WaasEsito, { maxItems: 100 }),
});
export type WaasEsitiBody = Static<typeof WaasEsitiBody>;

export const WaasProblem = Type.Object({
  status: Type.Integer({ minimum: 100, maximum: 599 }),
  title: Type.String({ maxLength: 4096 }),
  detail: Type.String({ maxLength: 4096 }),
});
export type WaasProblem = Static<typeof WaasProblem>;
