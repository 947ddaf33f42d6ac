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

// Age on 31 December of the year, in the bands of the social report (legami_age_band in SQL).
export const AGE_BANDS = ['0-17', '18-64', '65-74', '75-84', '85+'] as const;

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

/**
 * Requests received in each year from `fromYear` to `year` (Europe/Rome), by comune and by every
 * request dimension at once, for the annual report: from the yearly summary and its deltas that
 * triggers keep equal to the table (migrations 20261204150000, 20261206100000), with grouping sets.
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
    sql`SELECT s.year, s.comune_code AS "comuneCode", s.intervention_type_id AS type, s.channel, s.urgency,
               s.status AS outcome, sum(s.requests)::int AS count
        FROM request_year_counts_live s
        WHERE s.year BETWEEN ${filter.fromYear} AND ${filter.year}
          AND s.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY GROUPING SETS ((s.year, s.comune_code, s.intervention_type_id), (s.year, s.comune_code, s.channel),
                                (s.year, s.comune_code, s.urgency), (s.year, s.comune_code, s.status))
        HAVING sum(s.requests) > 0`,
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
 * completed, the median and the 90th percentile (null when none completed). Read from the
 * summary's histogram of durations, each value taken as its bucket's mean duration (exact when a
 * bucket's durations are equal, otherwise within the bucket: 6 minutes under a day, an hour up
 * to a week, a day beyond), then interpolated as percentile_cont does.
 */
export async function responseTimes(
  tx: Tx,
  filter: YearOfComuni,
): Promise<{ completed: number; medianHours: number | null; p90Hours: number | null }> {
  const buckets = await queryRows<{ requests: number; seconds: number }>(
    tx,
    sql`SELECT sum(s.requests)::int AS requests, sum(s.seconds)::float8 AS seconds
        FROM request_response_times_live s
        WHERE s.year = ${filter.year} AND s.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY s.bucket HAVING sum(s.requests) > 0 ORDER BY s.bucket`,
  );
  const completed = buckets.reduce((sum, b) => sum + b.requests, 0);
  const hours = (p: number) => {
    if (completed === 0) return null;
    const valueAt = (rank: number) => {
      let seen = 0;
      const bucket = buckets.find((b) => (seen += b.requests) > rank)!;
      return bucket.seconds / bucket.requests / 3600;
    };
    const position = p * (completed - 1);
    const below = valueAt(Math.floor(position));
    const value = below + (position - Math.floor(position)) * (valueAt(Math.ceil(position)) - below);
    return Math.round(value * 10) / 10;
  };
  return { completed, medianHours: hours(0.5), p90Hours: hours(0.9) };
}

/**
 * People reached (the beneficiary of at least one request received that year), each counted once
 * per year in the comune where they live, by age band, sex and household type at once: from the
 * summary and deltas that triggers on requests and people keep current (migrations 20261204150000,
 * 20261206100000).
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
    sql`SELECT s.year, s.comune_code AS "comuneCode", s.age_band AS "ageBand", s.sex, s.household,
               sum(s.people)::int AS count
        FROM people_reached_counts_live s
        WHERE s.year BETWEEN ${filter.fromYear} AND ${filter.year}
          AND s.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY GROUPING SETS ((s.year, s.comune_code, s.age_band), (s.year, s.comune_code, s.sex),
                                (s.year, s.comune_code, s.household))
        HAVING sum(s.people) > 0`,
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

/**
 * Moves the deltas that the summaries' triggers append (migration 20261206100000) into the
 * summaries, in the caller's transaction: each statement deletes the deltas it adds, so a reader
 * of the `_live` views counts every change once before, during and after. Deltas written by
 * transactions still open stay for the next fold. Run by a job of the queue (requests.jobs.ts).
 */
export async function foldSummaryDeltas(tx: Tx): Promise<void> {
  await tx.execute(sql`
    WITH moved AS (DELETE FROM request_year_count_deltas RETURNING *)
    INSERT INTO request_year_counts AS s (year, comune_code, intervention_type_id, channel, urgency, status, requests)
    SELECT year, comune_code, intervention_type_id, channel, urgency, status, sum(requests)
    FROM moved GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(requests) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (year, comune_code, intervention_type_id, channel, urgency, status)
    DO UPDATE SET requests = s.requests + excluded.requests`);
  await tx.execute(sql`
    WITH moved AS (DELETE FROM request_response_time_deltas RETURNING *)
    INSERT INTO request_response_times AS s (year, comune_code, bucket, requests, seconds)
    SELECT year, comune_code, bucket, sum(requests), sum(seconds)
    FROM moved GROUP BY 1, 2, 3 HAVING sum(requests) <> 0 OR sum(seconds) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (year, comune_code, bucket)
    DO UPDATE SET requests = s.requests + excluded.requests, seconds = s.seconds + excluded.seconds`);
  await tx.execute(sql`
    WITH moved AS (DELETE FROM people_reached_deltas RETURNING *)
    INSERT INTO people_reached_counts AS s (year, comune_code, age_band, sex, household, people)
    SELECT year, comune_code, age_band, sex, household, sum(people)
    FROM moved GROUP BY 1, 2, 3, 4, 5 HAVING sum(people) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (year, comune_code, age_band, sex, household) DO UPDATE SET people = s.people + excluded.people`);
}
