import { queryRows, sql, type Tx } from '../../platform/db/database.js';

/* The only SQL of the published open data. */

export interface OpenDatasetRow {
  year: number;
  territory: string;
  territory_name: string;
  dataset: string;
  version: number;
  title: string;
  description: string;
  columns: { name: string; type: 'string' | 'integer'; description: string }[];
  published_at: Date | string;
}

export interface NewOpenDataset {
  year: number;
  territory: string;
  territoryName: string;
  dataset: string;
  title: string;
  description: string;
  columns: OpenDatasetRow['columns'];
  csv: string;
  publishedBy: string | null;
}

/** The version a new publication of (year, territory) gets: one more than the last. */
export async function nextVersion(tx: Tx, year: number, territory: string): Promise<number> {
  // Serialise publications of one territory and year, so two never take the same version.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`open-data:${year}:${territory}`}))`);
  const [row] = await queryRows<{ version: number }>(
    tx,
    sql`SELECT coalesce(max(version), 0)::int + 1 AS version FROM open_datasets WHERE year = ${year} AND territory = ${territory}`,
  );
  return row?.version ?? 1;
}

export async function insertDataset(tx: Tx, version: number, dataset: NewOpenDataset): Promise<void> {
  await tx.execute(sql`
    INSERT INTO open_datasets (year, territory, territory_name, dataset, version, title, description, columns, csv, published_by)
    VALUES (${dataset.year}, ${dataset.territory}, ${dataset.territoryName}, ${dataset.dataset}, ${version}, ${dataset.title},
            ${dataset.description}, ${JSON.stringify(dataset.columns)}::jsonb, ${dataset.csv}, ${dataset.publishedBy})`);
}

/** The latest version of every published dataset, newest year first. */
export async function listLatest(tx: Tx): Promise<OpenDatasetRow[]> {
  return queryRows<OpenDatasetRow>(
    tx,
    sql`SELECT DISTINCT ON (year, territory, dataset)
               year, territory, territory_name, dataset, version, title, description, columns, published_at
        FROM open_datasets
        ORDER BY year DESC, territory, dataset, version DESC`,
  );
}

/** The CSV of the latest version of one dataset, or null. */
export async function findLatestCsv(
  tx: Tx,
  key: { year: number; territory: string; dataset: string },
): Promise<string | null> {
  const [row] = await queryRows<{ csv: string }>(
    tx,
    sql`SELECT csv FROM open_datasets WHERE year = ${key.year} AND territory = ${key.territory} AND dataset = ${key.dataset}
        ORDER BY version DESC LIMIT 1`,
  );
  return row?.csv ?? null;
}
