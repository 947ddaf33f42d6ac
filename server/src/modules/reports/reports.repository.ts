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

export interface PublicationRow {
  id: string;
  year: number;
  territory: string;
  status: 'queued' | 'done' | 'failed';
  version: number | null;
  error: string | null;
}

export async function insertPublication(
  tx: Tx,
  publication: { year: number; territory: string; requestedBy: string | null },
): Promise<PublicationRow> {
  const [row] = await queryRows<PublicationRow>(
    tx,
    sql`INSERT INTO open_data_publications (year, territory, requested_by)
        VALUES (${publication.year}, ${publication.territory}, ${publication.requestedBy})
        RETURNING id, year, territory, status, version, error`,
  );
  return row!;
}

export async function findPublication(tx: Tx, id: string): Promise<PublicationRow | null> {
  const [row] = await queryRows<PublicationRow>(
    tx,
    sql`SELECT id, year, territory, status, version, error FROM open_data_publications WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function finishPublication(
  tx: Tx,
  id: string,
  outcome: { version: number } | { error: string },
): Promise<void> {
  await tx.execute(sql`
    UPDATE open_data_publications
    SET status = ${'version' in outcome ? 'done' : 'failed'}, version = ${'version' in outcome ? outcome.version : null},
        error = ${'error' in outcome ? outcome.error : null}, finished_at = now()
    WHERE id = ${id}`);
}
