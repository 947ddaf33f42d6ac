import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/*
 * Yearly counts of help requests and of the people they reached, for the annual report and the
 * open data. Aggregates only; they run in the caller's scoped transaction, so row-level security
 * limits them to the caller's territory like every other read.
 */

/** What a request can be counted by. */
export type RequestDimension = 'type' | 'channel' | 'urgency' | 'outcome';
/** What a person reached can be counted by. */
export type BeneficiaryDimension = 'ageBand' | 'sex';

export interface YearOfComuni {
  year: number;
  comuni: readonly string[];
}

export interface ComuneCount {
  comuneCode: string;
  category: string;
  count: number;
}

const REQUEST_COLUMN = {
  type: sql`r.intervention_type_id`,
  channel: sql`r.channel`,
  urgency: sql`r.urgency`,
  outcome: sql`r.status`,
} as const;

// Age on 31 December of the year, in the bands of the social report.
export const AGE_BANDS = ['0-17', '18-64', '65-74', '75-84', '85+'] as const;
const AGE_BAND = sql`CASE
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 18 THEN '0-17'
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 65 THEN '18-64'
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 75 THEN '65-74'
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 85 THEN '75-84'
  ELSE '85+' END`;

/** Requests received in the year (Europe/Rome), by the request's comune and one dimension. */
export async function countRequests(
  tx: Tx,
  filter: YearOfComuni,
  dimension: RequestDimension,
): Promise<ComuneCount[]> {
  return queryRows<ComuneCount>(
    tx,
    sql`SELECT r.comune_code AS "comuneCode", ${REQUEST_COLUMN[dimension]} AS category, count(*)::int AS count
        FROM help_requests r
        WHERE r.created_at >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND r.created_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND r.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1, 2`,
  );
}

/**
 * People who were the beneficiary of at least one request received in the year, each counted
 * once, in the comune where they live, by age band (on 31 December) or sex.
 */
export async function countBeneficiaries(
  tx: Tx,
  filter: YearOfComuni,
  dimension: BeneficiaryDimension,
): Promise<ComuneCount[]> {
  const category = dimension === 'sex' ? sql`p.sex` : AGE_BAND;
  return queryRows<ComuneCount>(
    tx,
    sql`WITH f AS (SELECT ${filter.year}::int AS year)
        SELECT p.comune_code AS "comuneCode", ${category} AS category, count(*)::int AS count
        FROM f, people p
        WHERE p.comune_code = ANY(${pgArray(filter.comuni)}::text[])
          AND EXISTS (SELECT 1 FROM help_requests r
                      WHERE r.beneficiary_id = p.id
                        AND r.created_at >= make_timestamptz(f.year, 1, 1, 0, 0, 0, 'Europe/Rome')
                        AND r.created_at < make_timestamptz(f.year + 1, 1, 1, 0, 0, 0, 'Europe/Rome'))
        GROUP BY 1, 2`,
  );
}

/** Every category of a dimension, in the order a reader expects, with its Italian label. */
export async function categoriesOf(
  tx: Tx,
  dimension: RequestDimension | BeneficiaryDimension,
): Promise<{ key: string; label: string }[]> {
  switch (dimension) {
    case 'type':
      return queryRows(
        tx,
        sql`SELECT id AS key, name_it AS label FROM intervention_types ORDER BY sort_order, id`,
      );
    case 'channel':
      return [
        { key: 'phone', label: 'Telefono' },
        { key: 'web', label: 'Online' },
        { key: 'access_point', label: 'Sportello' },
        { key: 'social_worker', label: 'Servizio sociale' },
      ];
    case 'urgency':
      return [
        { key: 'low', label: 'Bassa' },
        { key: 'normal', label: 'Normale' },
        { key: 'high', label: 'Alta' },
        { key: 'critical', label: 'Critica' },
      ];
    case 'outcome':
      return [
        { key: 'new', label: 'In attesa di valutazione' },
        { key: 'accepted', label: 'Accolta, in corso' },
        { key: 'completed', label: 'Completata' },
        { key: 'rejected', label: 'Non accolta' },
        { key: 'cancelled', label: 'Annullata' },
        { key: 'closed', label: 'Chiusa senza consegna' },
      ];
    case 'sex':
      return [
        { key: 'F', label: 'Femmine' },
        { key: 'M', label: 'Maschi' },
      ];
    case 'ageBand':
      return AGE_BANDS.map((band) => ({
        key: band,
        label: band === '85+' ? '85 anni e più' : `${band} anni`,
      }));
  }
}
