import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/*
 * Yearly counts of help requests and of the people they reached, for the annual report and the
 * open data. Aggregates only; they run in the caller's scoped transaction, so row-level security
 * limits them to the caller's territory like every other read.
 */

/** What a request can be counted by. */
export type RequestDimension = 'type' | 'channel' | 'urgency' | 'outcome';
/** What a person reached can be counted by. */
export type BeneficiaryDimension = 'ageBand' | 'sex' | 'household';

export interface YearOfComuni {
  year: number;
  comuni: readonly string[];
}

export interface ComuneCount {
  comuneCode: string;
  category: string;
  count: number;
}

// Age on 31 December of the year, in the bands of the social report.
export const AGE_BANDS = ['0-17', '18-64', '65-74', '75-84', '85+'] as const;
const AGE_BAND = sql`CASE
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 18 THEN '0-17'
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 65 THEN '18-64'
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 75 THEN '65-74'
  WHEN date_part('year', age(make_date(f.year, 12, 31), p.birth_date)) < 85 THEN '75-84'
  ELSE '85+' END`;

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
    case 'household':
      return [
        { key: 'alone', label: 'Vive da solo/a' },
        { key: 'two', label: 'Nucleo di 2 persone' },
        { key: 'three_plus', label: 'Nucleo di 3 o più persone' },
        { key: 'not_recorded', label: 'Nucleo non registrato' },
      ];
    case 'ageBand':
      return AGE_BANDS.map((band) => ({
        key: band,
        label: band === '85+' ? '85 anni e più' : `${band} anni`,
      }));
  }
}

/** A count of one year, comune and category of one dimension. */
export interface YearComuneCount extends ComuneCount {
  year: number;
  dimension: string;
}

const yearOf = (column: string) => sql.raw(`date_part('year', ${column} AT TIME ZONE 'Europe/Rome')::int`);

/**
 * Requests received in each year from `fromYear` to `year` (Europe/Rome), by comune and by every
 * request dimension at once: one pass over the table with grouping sets, for the annual report.
 */
export async function requestYearCounts(
  tx: Tx,
  filter: YearOfComuni & { fromYear: number },
): Promise<YearComuneCount[]> {
  const rows = await queryRows<{
    year: number;
    comuneCode: string;
    type: string | null;
    channel: string | null;
    urgency: string | null;
    outcome: string | null;
    count: number;
  }>(
    tx,
    sql`SELECT ${yearOf('r.created_at')} AS year, r.comune_code AS "comuneCode",
               r.intervention_type_id AS type, r.channel, r.urgency, r.status AS outcome, count(*)::int AS count
        FROM help_requests r
        WHERE r.created_at >= make_timestamptz(${filter.fromYear}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND r.created_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND r.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY GROUPING SETS ((year, r.comune_code, r.intervention_type_id), (year, r.comune_code, r.channel),
                                (year, r.comune_code, r.urgency), (year, r.comune_code, r.status))`,
  );
  return rows.map((row) => {
    const dimension = (['type', 'channel', 'urgency', 'outcome'] as const).find((d) => row[d] !== null)!;
    return {
      year: row.year,
      comuneCode: row.comuneCode,
      dimension,
      category: row[dimension]!,
      count: row.count,
    };
  });
}

/**
 * How long the requests received in the year took from intake to completion, in hours: how many
 * completed, the median and the 90th percentile (null when none completed).
 */
export async function responseTimes(
  tx: Tx,
  filter: YearOfComuni,
): Promise<{ completed: number; medianHours: number | null; p90Hours: number | null }> {
  const [row] = await queryRows<{ completed: number; median: number | null; p90: number | null }>(
    tx,
    sql`SELECT count(*)::int AS completed,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - r.created_at)) / 3600 AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - r.created_at)) / 3600 AS p90
        FROM help_requests r
        WHERE r.status = 'completed' AND r.completed_at IS NOT NULL
          AND r.created_at >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND r.created_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND r.comune_code = ANY(${pgArray(filter.comuni)}::text[])`,
  );
  const round = (hours: number | null) => (hours === null ? null : Math.round(Number(hours) * 10) / 10);
  return { completed: row!.completed, medianHours: round(row!.median), p90Hours: round(row!.p90) };
}

/**
 * People reached (the beneficiary of at least one request received that year), each counted once
 * per year in the comune where they live, by age band, sex and household type at once.
 */
export async function beneficiaryYearCounts(
  tx: Tx,
  filter: YearOfComuni & { fromYear: number },
): Promise<YearComuneCount[]> {
  const rows = await queryRows<{
    year: number;
    comuneCode: string;
    ageBand: string | null;
    sex: string | null;
    household: string | null;
    count: number;
  }>(
    tx,
    sql`WITH reached AS (
          SELECT DISTINCT ${yearOf('r.created_at')} AS year, r.beneficiary_id
          FROM help_requests r
          WHERE r.created_at >= make_timestamptz(${filter.fromYear}, 1, 1, 0, 0, 0, 'Europe/Rome')
            AND r.created_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'Europe/Rome')),
        sizes AS (SELECT household_id, count(*) AS members FROM people WHERE household_id IS NOT NULL GROUP BY 1)
        SELECT f.year, p.comune_code AS "comuneCode", ${AGE_BAND} AS "ageBand", p.sex::text AS sex,
               CASE WHEN p.lives_alone THEN 'alone'
                    WHEN s.members IS NULL THEN 'not_recorded'
                    WHEN s.members = 1 THEN 'alone'
                    WHEN s.members = 2 THEN 'two'
                    ELSE 'three_plus' END AS household,
               count(*)::int AS count
        FROM reached f JOIN people p ON p.id = f.beneficiary_id
        LEFT JOIN sizes s ON s.household_id = p.household_id
        WHERE p.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY GROUPING SETS ((f.year, p.comune_code, "ageBand"), (f.year, p.comune_code, p.sex),
                                (f.year, p.comune_code, household))`,
  );
  return rows.map((row) => {
    const dimension = (['ageBand', 'sex', 'household'] as const).find((d) => row[d] !== null)!;
    return {
      year: row.year,
      comuneCode: row.comuneCode,
      dimension,
      category: row[dimension]!,
      count: row.count,
    };
  });
}
