import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  EsitoCode,
  RecordState,
  RecordsQuery,
  SourceKind,
  UpdateCodeBody,
  UpdateEnteBody,
} from '../../../../shared/src/siuss/siuss.schemas.js';
import type { FlowTipo, RecordContent, RecordPayload, SinbaPayload } from './siuss.rules.js';

/*
 * The only SQL on SIUSS's tables. The code mapping is installation-wide reference data; the
 * comuni's configuration and the records carry a comune and are read through a scoped Tx (RLS).
 */

const ts = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

// ---- code mapping ----------------------------------------------------------------------------

export interface CodeRow {
  benefit_kind: string;
  label: string;
  codice_prestazione: string | null;
  denominazione: string | null;
  presenza_prova_mezzi: '1' | '2' | '3' | '4';
  carattere: '1' | '2' | null;
  area_utenza: '1' | '2' | '3' | null;
  note: string | null;
  updated_at: string;
}

const SELECT_CODE = sql`
  SELECT benefit_kind, label, codice_prestazione, denominazione, presenza_prova_mezzi, carattere, area_utenza, note,
         ${ts('updated_at')} AS updated_at
  FROM siuss_prestazione_codes`;

export async function listCodes(tx: Tx): Promise<CodeRow[]> {
  return queryRows<CodeRow>(tx, sql`${SELECT_CODE} ORDER BY benefit_kind`);
}

export async function updateCode(
  tx: Tx,
  kind: string,
  body: UpdateCodeBody,
  userId: string,
): Promise<CodeRow | null> {
  const [row] = await queryRows<{ benefit_kind: string }>(
    tx,
    sql`UPDATE siuss_prestazione_codes
        SET codice_prestazione = ${body.codicePrestazione}, denominazione = ${body.denominazione},
            presenza_prova_mezzi = ${body.presenzaProvaMezzi}, carattere = ${body.carattere}, area_utenza = ${body.areaUtenza},
            note = ${body.note}, updated_at = now(), updated_by = ${userId}
        WHERE benefit_kind = ${kind} RETURNING benefit_kind`,
  );
  if (!row) return null;
  const [updated] = await queryRows<CodeRow>(tx, sql`${SELECT_CODE} WHERE benefit_kind = ${kind}`);
  return updated ?? null;
}

// ---- the comuni's configuration --------------------------------------------------------------

export interface EnteRow {
  comune_code: string;
  comune_name: string;
  belfiore: string;
  cf_operatore: string;
  denominazione: string;
  has_key: boolean;
  key_created_at: string | null;
}

const SELECT_ENTE = sql`
  SELECT e.comune_code, c.name AS comune_name, c.cadastral_code AS belfiore, e.cf_operatore, e.denominazione,
         e.token_hash IS NOT NULL AS has_key, ${ts('e.token_created_at')} AS key_created_at
  FROM siuss_entes e JOIN comuni c ON c.istat_code = e.comune_code`;

export async function listEntes(tx: Tx): Promise<EnteRow[]> {
  return queryRows<EnteRow>(tx, sql`${SELECT_ENTE} ORDER BY c.name`);
}

export async function findEnte(tx: Tx, comune: string): Promise<EnteRow | null> {
  const [row] = await queryRows<EnteRow>(tx, sql`${SELECT_ENTE} WHERE e.comune_code = ${comune}`);
  return row ?? null;
}

export async function upsertEnte(
  tx: Tx,
  comune: string,
  body: UpdateEnteBody,
  userId: string,
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO siuss_entes (comune_code, cf_operatore, denominazione, updated_by)
        VALUES (${comune}, ${body.cfOperatore}, ${body.denominazione}, ${userId})
        ON CONFLICT (comune_code) DO UPDATE
        SET cf_operatore = EXCLUDED.cf_operatore, denominazione = EXCLUDED.denominazione, updated_at = now(),
            updated_by = EXCLUDED.updated_by`,
  );
}

/** Replaces the comune's WaaS key (its SHA-256); false when the comune is not configured. */
export async function setKeyHash(tx: Tx, comune: string, hash: string, userId: string): Promise<boolean> {
  const rows = await queryRows<{ comune_code: string }>(
    tx,
    sql`UPDATE siuss_entes SET token_hash = ${hash}, token_created_at = now(), updated_at = now(), updated_by = ${userId}
        WHERE comune_code = ${comune} RETURNING comune_code`,
  );
  return rows.length > 0;
}

/** The comune a WaaS key names (through a SECURITY DEFINER function: the keys stay unreadable). */
export async function comuneForKeyHash(tx: Tx, hash: string): Promise<string | null> {
  const [row] = await queryRows<{ comune: string | null }>(
    tx,
    sql`SELECT siuss_ente_for_token(${hash}) AS comune`,
  );
  return row?.comune ?? null;
}

// ---- records -----------------------------------------------------------------------------------

export interface RecordRow {
  id: string;
  id_flusso: string;
  comune_code: string;
  tipo: FlowTipo;
  source_kind: SourceKind;
  source_id: string;
  benefit_kind: string;
  benefit_on: string;
  operation: 'I' | 'C';
  cancels_record_id: string | null;
  corrects_record_id: string | null;
  cancelled_by_record_id: string | null;
  payload: RecordPayload | SinbaPayload;
  payload_hash: string;
  ts_flusso: string;
  ts_ms: number;
  state: RecordState;
  channel: 'waas' | 'bulk' | null;
  sent_at: string | null;
  esito_code: EsitoCode | null;
  esito_description: string | null;
  id_acquisizione_siuss: string | null;
  esito_at: string | null;
}

const SELECT_RECORD = sql`
  SELECT r.id, r.id_flusso, r.comune_code, r.tipo, r.source_kind, r.source_id, r.benefit_kind, ${day('r.benefit_on')} AS benefit_on,
         r.operation, r.cancels_record_id, r.corrects_record_id, r.cancelled_by_record_id, r.payload, r.payload_hash,
         ${ts('r.ts_flusso')} AS ts_flusso, round(extract(epoch FROM r.ts_flusso) * 1000)::float8 AS ts_ms, r.state, r.channel,
         ${ts('r.sent_at')} AS sent_at, r.esito_code, r.esito_description, r.id_acquisizione_siuss, ${ts('r.esito_at')} AS esito_at
  FROM siuss_records r`;

/**
 * Serialises the making of records (one writer at a time, installation-wide): flow ids and
 * timestamps then increase strictly, so a reader paging with `since` never skips a flow.
 */
export async function lockRecordMaking(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('legami.siuss_records'))`);
}

/** The latest insertion (withdrawn ones aside) of each benefit. */
export async function latestInsertions(
  tx: Tx,
  sources: readonly { kind: SourceKind; id: string }[],
): Promise<Map<string, RecordRow>> {
  if (sources.length === 0) return new Map();
  const rows = await queryRows<RecordRow>(
    tx,
    sql`${SELECT_RECORD} WHERE r.operation = 'I' AND r.state <> 'withdrawn'
          AND (r.source_kind || ':' || r.source_id::text) = ANY(${pgArray(sources.map((s) => `${s.kind}:${s.id}`))}::text[])
        ORDER BY r.ts_flusso`,
  );
  // Oldest first: the last one of each benefit wins.
  return new Map(rows.map((r) => [`${r.source_kind}:${r.source_id}`, r]));
}

/** The newest flow time of a comune, in Unix ms (0 without any). */
export async function lastFlowMs(tx: Tx, comune: string): Promise<number> {
  const [row] = await queryRows<{ ms: number | null }>(
    tx,
    sql`SELECT round(extract(epoch FROM max(ts_flusso)) * 1000)::float8 AS ms FROM siuss_records WHERE comune_code = ${comune}`,
  );
  return row?.ms ?? 0;
}

/** How many flow ids start with this prefix (the ente and the day). */
export async function countFlowIds(tx: Tx, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM siuss_records WHERE starts_with(id_flusso, ${prefix})`,
  );
  return row?.n ?? 0;
}

/** A record's content typed by its flow. */
export const contentOf = (row: RecordRow): RecordContent =>
  row.tipo === 'SINBA'
    ? { tipo: 'SINBA', payload: row.payload as SinbaPayload }
    : { tipo: 'PS_PSA_SINA', payload: row.payload as RecordPayload };

export interface NewRecord {
  /** Given when a record that supersedes another must be named before it is written (SINBA). */
  id?: string;
  idFlusso: string;
  comuneCode: string;
  sourceKind: SourceKind;
  sourceId: string;
  benefitKind: string;
  benefitOn: string;
  operation: 'I' | 'C';
  cancelsRecordId: string | null;
  correctsRecordId: string | null;
  content: RecordContent;
  payloadHash: string;
  tsMs: number;
  createdBy: string | null;
}

export async function insertRecord(tx: Tx, r: NewRecord): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO siuss_records (id, id_flusso, comune_code, tipo, source_kind, source_id, benefit_kind, benefit_on, operation,
                                   cancels_record_id, corrects_record_id, payload, payload_hash, ts_flusso, created_by)
        VALUES (coalesce(${r.id ?? null}::uuid, gen_random_uuid()), ${r.idFlusso}, ${r.comuneCode}, ${r.content.tipo},
                ${r.sourceKind}, ${r.sourceId}, ${r.benefitKind}, ${r.benefitOn}, ${r.operation},
                ${r.cancelsRecordId}, ${r.correctsRecordId}, ${JSON.stringify(r.content.payload)}::jsonb, ${r.payloadHash},
                to_timestamp(${r.tsMs}::float8 / 1000), ${r.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function markCancelled(tx: Tx, id: string, byRecordId: string): Promise<void> {
  await tx.execute(sql`UPDATE siuss_records SET cancelled_by_record_id = ${byRecordId} WHERE id = ${id}`);
}

export async function markWithdrawn(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`UPDATE siuss_records SET state = 'withdrawn' WHERE id = ${id} AND state = 'pending'`);
}

/** A comune's records not yet sent, newer than `sinceMs`, oldest first. */
export async function pendingSince(
  tx: Tx,
  comune: string,
  sinceMs: number,
  limit: number,
): Promise<RecordRow[]> {
  return queryRows<RecordRow>(
    tx,
    sql`${SELECT_RECORD} WHERE r.comune_code = ${comune} AND r.state = 'pending'
          AND r.ts_flusso > to_timestamp(${sinceMs}::float8 / 1000)
        ORDER BY r.ts_flusso LIMIT ${limit}`,
  );
}

/** The period's bulk submission: records not yet sent and those already sent in a file. */
export async function bulkRecords(tx: Tx, from: string, to: string): Promise<RecordRow[]> {
  return queryRows<RecordRow>(
    tx,
    sql`${SELECT_RECORD} WHERE r.benefit_on BETWEEN ${from}::date AND ${to}::date
          AND (r.state = 'pending' OR r.channel = 'bulk')
        ORDER BY r.comune_code, r.tipo, r.ts_flusso`,
  );
}

export async function countSentThroughWaas(tx: Tx, from: string, to: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM siuss_records WHERE benefit_on BETWEEN ${from}::date AND ${to}::date AND channel = 'waas'`,
  );
  return row?.n ?? 0;
}

/** Marks records sent, once: the guard trigger refuses a second delivery. */
export async function markSent(tx: Tx, ids: readonly string[], channel: 'waas' | 'bulk'): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    sql`UPDATE siuss_records SET state = 'sent', channel = ${channel}, sent_at = now()
        WHERE id = ANY(${pgArray(ids)}::uuid[]) AND state = 'pending'`,
  );
}

export async function findByFlowId(tx: Tx, idFlusso: string): Promise<RecordRow | null> {
  const [row] = await queryRows<RecordRow>(tx, sql`${SELECT_RECORD} WHERE r.id_flusso = ${idFlusso}`);
  return row ?? null;
}

export async function setEsito(
  tx: Tx,
  id: string,
  esito: {
    state: 'accepted' | 'refused';
    code: EsitoCode;
    description: string | null;
    idAcquisizione: string | null;
  },
): Promise<void> {
  await tx.execute(
    sql`UPDATE siuss_records SET state = ${esito.state}, esito_code = ${esito.code}, esito_description = ${esito.description},
               id_acquisizione_siuss = ${esito.idAcquisizione}, esito_at = now()
        WHERE id = ${id}`,
  );
}

export async function listRecords(tx: Tx, query: RecordsQuery): Promise<RecordRow[]> {
  return queryRows<RecordRow>(
    tx,
    sql`${SELECT_RECORD}
        WHERE (${query.state ?? null}::text IS NULL OR r.state = ${query.state ?? null})
          AND (${query.from ?? null}::date IS NULL OR r.benefit_on >= ${query.from ?? null}::date)
          AND (${query.to ?? null}::date IS NULL OR r.benefit_on <= ${query.to ?? null}::date)
        ORDER BY r.ts_flusso DESC LIMIT 500`,
  );
}
