import {
  assertInScope,
  requireActor,
  unsafeSystemTransaction,
  withPublicScope,
  withScope,
} from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { enqueueJob, type JobDefinition } from '../../platform/jobs/jobs.js';
import { runWorker } from '../../platform/jobs/worker-thread.js';
import type {
  Narrative,
  ReportFigures,
  ReportListQuery,
  ReportParams,
  SocialReport,
  SocialReportList,
  SocialReportSummary,
} from '../../../../shared/src/reports/social-report.schemas.js';
import type { CountTable, PublishedTable } from './disclosure.js';
import { reportNotDraft, reportNotFound } from './reports.errors.js';
import { storeDatasets } from './reports.service.js';
import { resolveTerritory, type Territory } from './reports.territory.js';
import {
  assembleFigures,
  gatherCounts,
  GENERATION_STEPS,
  tablesOf,
  type GatheredCounts,
} from './social-report.figures.js';
import { socialReportPdf } from './social-report.pdf.js';
import * as repo from './social-report.repository.js';

/*
 * The annual report on social conditions: generated in the job queue from the modules' aggregates,
 * its narrative written by staff, then published — a frozen version, public, its tables also
 * published as open data. Drafts are for who may publish for every comune of the territory.
 */

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function presentSummary(row: repo.SocialReportRow): SocialReportSummary {
  return {
    id: row.id,
    year: row.year,
    territory: row.territory,
    territoryName: row.territory_name,
    version: row.version,
    status: row.status,
    progress: row.progress,
    error: row.error,
    requestedAt: iso(row.requested_at)!,
    generatedAt: iso(row.generated_at),
    publishedAt: iso(row.published_at),
  };
}

function present(row: repo.SocialReportRow): SocialReport {
  return { ...presentSummary(row), figures: row.figures, narrative: row.narrative };
}

/** Whether the scope covers every comune of the territory (who may see its drafts). */
function covers(scope: Scope, territory: Territory): boolean {
  return territory.comuni.every((comune) => scopeCovers(scope, comune.code));
}

/** The report, when the actor covers its territory; 404 otherwise. */
async function reportInScope(tx: Tx, scope: Scope, id: string, lock = false): Promise<repo.SocialReportRow> {
  const row = lock ? await repo.lockReport(tx, id) : await repo.findReport(tx, id);
  if (!row || !covers(scope, await resolveTerritory(tx, row.territory))) throw reportNotFound();
  return row;
}

/**
 * Asks for a new version of a territory's report for the year: computed in the job queue, with its
 * progress on the version; it starts from the narrative of the latest version.
 * @throws 401/403 without `report.publish`, 404 for an unknown territory or one the actor does not cover.
 */
export function generateReport(ctx: Context, params: ReportParams): Promise<SocialReportSummary> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'report.publish', async (tx, scope) => {
    const territory = await resolveTerritory(tx, params.territory);
    for (const comune of territory.comuni) assertInScope(scope, comune.code, 'Territorio');
    const row = await repo.insertReport(tx, {
      year: params.year,
      territory: territory.slug,
      territoryName: territory.name,
      requestedBy: actor.userId,
    });
    await enqueueJob(
      tx,
      GENERATE_REPORT,
      { reportId: row.id },
      { createdBy: actor.userId, maxAttempts: 3, leaseSeconds: 300 },
    );
    await writeAudit(tx, ctx, {
      action: 'social_report.generate',
      entityType: 'social_report',
      entityId: row.id,
      details: { year: params.year, territory: territory.slug, version: row.version },
    });
    return presentSummary(row);
  });
}

/**
 * The versions of the reports of the territories the actor covers, newest first.
 * @throws 401/403 without `report.publish`, 404 for a named territory the actor does not cover.
 */
export function listReports(ctx: Context, query: ReportListQuery): Promise<SocialReportList> {
  return withScope(ctx, 'report.publish', async (tx, scope) => {
    if (query.territory && !covers(scope, await resolveTerritory(tx, query.territory)))
      throw reportNotFound();
    const rows = await repo.listReports(tx, { year: query.year, territory: query.territory });
    const covered = new Map<string, boolean>();
    const items = [];
    for (const row of rows) {
      if (!covered.has(row.territory))
        covered.set(row.territory, covers(scope, await resolveTerritory(tx, row.territory)));
      if (covered.get(row.territory)) items.push(presentSummary(row));
    }
    return { items };
  });
}

/** One version with its figures. @throws 401/403, 404 outside the actor's territory. */
export function getReport(ctx: Context, id: string): Promise<SocialReport> {
  return withScope(ctx, 'report.publish', async (tx, scope) => present(await reportInScope(tx, scope, id)));
}

/**
 * Replaces the narrative of a draft (sections left out are cleared).
 * @throws 409 REPORT_NOT_DRAFT once published (frozen) or before its figures exist; 401/403/404.
 */
export function updateNarrative(ctx: Context, id: string, narrative: Narrative): Promise<SocialReport> {
  return withScope(ctx, 'report.publish', async (tx, scope) => {
    const row = await reportInScope(tx, scope, id, true);
    if (row.status !== 'draft') throw reportNotDraft();
    const cleaned = Object.fromEntries(
      Object.entries(narrative).map(([key, text]) => [key, (text ?? '').trim()]),
    ) as Narrative;
    await repo.saveNarrative(tx, id, cleaned);
    await writeAudit(tx, ctx, {
      action: 'social_report.narrative',
      entityType: 'social_report',
      entityId: id,
      details: { sections: Object.keys(cleaned).filter((k) => cleaned[k as keyof Narrative]) },
    });
    return present({ ...row, narrative: cleaned });
  });
}

/**
 * Publishes a draft: from now on it is frozen (the database refuses any change), public, and its
 * tables are the territory's open data of the year (a new open-data version).
 * @throws 409 REPORT_NOT_DRAFT unless a draft; 401/403/404.
 */
export function publishReport(ctx: Context, id: string): Promise<SocialReport> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'report.publish', async (tx, scope) => {
    const row = await reportInScope(tx, scope, id, true);
    if (row.status !== 'draft' || !row.figures) throw reportNotDraft();
    await repo.markPublished(tx, id, actor.userId);
    const territory = await resolveTerritory(tx, row.territory);
    const openDataVersion = await storeDatasets(
      tx,
      territory,
      row.year,
      tablesFromFigures(row.figures),
      actor.userId,
    );
    await writeAudit(tx, ctx, {
      action: 'social_report.publish',
      entityType: 'social_report',
      entityId: id,
      details: { year: row.year, territory: row.territory, version: row.version, openDataVersion },
    });
    return present((await repo.findReport(tx, id))!);
  });
}

/** A report's published tables back in the shape the open-data files are written from. */
function tablesFromFigures(figures: ReportFigures) {
  return figures.tables.map((table) => ({
    id: table.id,
    categories: table.columns,
    rows: figures.areas.map((a) => ({ code: a.code, name: a.name })),
    published: {
      id: table.id,
      rowKeys: figures.areas.map((a) => a.code),
      columnKeys: table.columns.map((c) => c.key),
      cells: table.cells,
      rowTotals: table.rowTotals,
      columnTotals: table.columnTotals,
      total: table.total,
      suppressed: [],
    } satisfies PublishedTable,
  }));
}

/** A draft's or a published version's PDF, for staff. @throws 409 before its figures exist; 401/403/404. */
export async function reportPdf(ctx: Context, id: string): Promise<{ pdf: Buffer; filename: string }> {
  const row = await withScope(ctx, 'report.publish', (tx, scope) => reportInScope(tx, scope, id));
  if (!row.figures) throw reportNotDraft();
  return { pdf: await socialReportPdf(present(row)), filename: fileName(row) };
}

const fileName = (row: repo.SocialReportRow) =>
  `rapporto-sociale-${row.year}-${row.territory}-v${row.version}.pdf`;

/** The latest published version of every report, for anyone. */
export async function publishedReports(ctx: Context): Promise<SocialReportList> {
  const rows = await withPublicScope(ctx, (tx) => repo.listPublished(tx));
  return { items: rows.map(presentSummary) };
}

/** The latest published report of a territory and year, for anyone. @throws 404 when none. */
export async function publishedReport(ctx: Context, params: ReportParams): Promise<SocialReport> {
  const row = await withPublicScope(ctx, (tx) => repo.findPublished(tx, params.year, params.territory));
  if (!row) throw reportNotFound();
  return present(row);
}

/** Its PDF, for anyone. @throws 404 when none is published. */
export async function publishedReportPdf(
  ctx: Context,
  params: ReportParams,
): Promise<{ pdf: Buffer; filename: string }> {
  const row = await withPublicScope(ctx, (tx) => repo.findPublished(tx, params.year, params.territory));
  if (!row) throw reportNotFound();
  return { pdf: await socialReportPdf(present(row)), filename: fileName(row) };
}

/**
 * A year's figures from what the modules counted: disclosure control by `suppress` (a worker
 * thread in the job, in-process in the benchmark and tests), then the report's figures.
 */
export async function figuresFrom(
  territory: Territory,
  year: number,
  gathered: GatheredCounts,
  suppress: (tables: readonly CountTable[]) => Promise<PublishedTable[]>,
): Promise<ReportFigures> {
  const tables = tablesOf(territory, year, gathered);
  return assembleFigures(territory, year, gathered, tables, await suppress(tables.countTables));
}

const GENERATE_REPORT = 'social_report.generate';

/** The job: counts in a system transaction, disclosure control in a worker thread, the draft stored. */
export const generateReportJob: JobDefinition<{ reportId: string }> = {
  kind: GENERATE_REPORT,
  cpu: true,
  async run(job) {
    const { reportId } = job.payload;
    const step = (done: number) =>
      job.heartbeat({ done, of: GENERATION_STEPS }, (tx) =>
        repo.saveProgress(tx, reportId, { done, of: GENERATION_STEPS }),
      );
    const read = await unsafeSystemTransaction(job.ctx, async (tx) => {
      const report = await repo.findReport(tx, reportId);
      if (!report || report.status !== 'generating') return null;
      const territory = await resolveTerritory(tx, report.territory);
      return { year: report.year, territory, gathered: await gatherCounts(tx, territory, report.year) };
    });
    if (!read) return;
    await step(1);
    const figures = await figuresFrom(read.territory, read.year, read.gathered, (tables) =>
      runWorker<PublishedTable[]>(new URL('./disclosure.worker.ts', import.meta.url), tables, {
        signal: job.signal,
      }),
    );
    await step(2);
    await job.complete((tx) => repo.finishGeneration(tx, reportId, { figures }));
  },
  onGiveUp: (tx, job) =>
    repo.finishGeneration(tx, job.payload.reportId, { error: 'La generazione non è riuscita: riprova.' }),
};

/** Queues a report's generation without an actor: the demo seed's, in its own transaction. Seeds only. */
export async function unsafeQueueReport(tx: Tx, params: ReportParams): Promise<void> {
  const territory = await resolveTerritory(tx, params.territory);
  const row = await repo.insertReport(tx, {
    year: params.year,
    territory: territory.slug,
    territoryName: territory.name,
    requestedBy: null,
  });
  await enqueueJob(tx, GENERATE_REPORT, { reportId: row.id }, { maxAttempts: 3, leaseSeconds: 300 });
}
