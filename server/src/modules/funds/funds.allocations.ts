import { withScope } from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import type {
  Allocation,
  AllocationPreviewBody,
  AllocationTerritory,
  ConfirmAllocationBody,
  ReallocateBody,
} from '../../../../shared/src/funds/funds.schemas.js';
import type { Comune } from '../../../../shared/src/territory/territory.schemas.js';
import { listComuni, listSubAmbiti } from '../territory/index.js';
import { AllocationInputError, allocateTwoLevel, scaleCustomWeight, UNGROUPED } from './allocation.engine.js';
import * as repo from './funds.repository.js';
import { balancesAt, balancesOf } from './funds.service.js';
import {
  allocationInput,
  allocationNotFound,
  invalidReference,
  nothingToReallocate,
  over65Unavailable,
  territoryUnknown,
} from './funds.errors.js';

/*
 * Allocations: preview (nothing saved), confirm (the allocation, one budget line per comune and its
 * share row, in one transaction), history, and re-allocation of what the comuni had not spent by a
 * date. The split itself is the pure engine (allocation.engine.ts). Only administrators allocate,
 * and only over a territory they wholly cover.
 */

type Method = AllocationPreviewBody['method'];

interface Resolved {
  type: 'ambito' | 'comuni';
  id: string | null;
  comuni: Comune[];
}

async function resolveTerritory(tx: Tx, territory: AllocationTerritory): Promise<Resolved> {
  if (typeof territory === 'string' || 'ambitoId' in territory) {
    const ambitoId = typeof territory === 'string' ? territory : territory.ambitoId;
    const comuni = await listComuni(tx, { ambitoId });
    if (comuni.length === 0) throw territoryUnknown();
    return { type: 'ambito', id: ambitoId, comuni };
  }
  const wanted = new Set(territory.comuneCodes);
  const comuni = (await listComuni(tx)).filter((c) => wanted.has(c.istatCode));
  if (comuni.length !== wanted.size) throw territoryUnknown();
  return { type: 'comuni', id: null, comuni };
}

function weightOf(method: Method, comune: Comune, weights: Record<string, number> | undefined): number {
  switch (method) {
    case 'population':
      return comune.population;
    case 'equal':
      return 1;
    case 'custom':
      return scaleCustomWeight(comune.istatCode, weights?.[comune.istatCode] ?? 0);
    case 'over65':
      // Checked beforehand (assertOver65Known): every comune has its figure.
      return comune.populationOver65 ?? 0;
  }
}

/** @throws 422 OVER65_DATA_UNAVAILABLE naming the comuni without the figure: refused, never guessed. */
function assertOver65Known(comuni: readonly Comune[]): void {
  const missing = comuni.filter((c) => c.populationOver65 === null);
  if (missing.length > 0) throw over65Unavailable(missing.map((c) => c.name));
}

function assertCovers(scope: Scope, comuni: Comune[]): void {
  if (!comuni.every((c) => scopeCovers(scope, c.istatCode))) throw forbidden();
}

/** Computes the shares without saving. */
async function compute(
  tx: Tx,
  scope: Scope,
  body: {
    totalCents: number;
    territory: AllocationTerritory;
    method: Method;
    weights?: Record<string, number>;
    bySubAmbito?: boolean;
  },
): Promise<{
  resolved: Resolved;
  allocation: Omit<Allocation, 'id' | 'title' | 'createdAt' | 'sourceType' | 'reallocatesId' | 'unspentAsOf'>;
}> {
  const resolved = await resolveTerritory(tx, body.territory);
  assertCovers(scope, resolved.comuni);
  if (body.method === 'over65') assertOver65Known(resolved.comuni);
  if (body.method === 'custom') {
    const codes = new Set(resolved.comuni.map((c) => c.istatCode));
    const stray = Object.keys(body.weights ?? {}).find((code) => !codes.has(code));
    if (stray)
      throw allocationInput('ALLOCATION_BAD_INPUT', `Il comune ${stray} non fa parte del territorio scelto.`);
  }
  const bySub = body.bySubAmbito ?? true;
  const subNames = new Map((await listSubAmbiti(tx)).map((s) => [s.id, s.name]));
  let result;
  try {
    result = allocateTwoLevel(
      body.totalCents,
      resolved.comuni.map((c) => ({
        id: c.istatCode,
        weight: weightOf(body.method, c, body.weights),
        groupId: bySub ? c.subAmbitoId : null,
      })),
    );
  } catch (error) {
    if (error instanceof AllocationInputError) throw allocationInput(error.code, error.message);
    throw error;
  }
  const byCode = new Map(resolved.comuni.map((c) => [c.istatCode, c]));
  return {
    resolved,
    allocation: {
      totalCents: body.totalCents,
      method: body.method,
      territory: { type: resolved.type, id: resolved.id },
      groups: result.groups.map((g) => ({
        subAmbitoId: g.id === UNGROUPED ? null : g.id,
        name: g.id === UNGROUPED ? 'Senza sub-ambito' : (subNames.get(g.id) ?? g.id),
        weight: g.weight,
        amountCents: g.amountCents,
      })),
      shares: result.shares.map((s) => ({
        comuneCode: s.id,
        comuneName: byCode.get(s.id)!.name,
        subAmbitoId: s.groupId,
        weight: s.weight,
        amountCents: s.amountCents,
        lineId: null,
        spentCents: 0,
      })),
    },
  };
}

/** @throws 401/403 (also for a territory the actor does not wholly cover), 422 for bad input. */
export async function previewAllocation(ctx: Context, body: AllocationPreviewBody): Promise<Allocation> {
  return withScope(ctx, 'funds.manage', async (tx, scope) => {
    const { allocation } = await compute(tx, scope, body);
    return {
      id: null,
      title: body.title ?? 'Anteprima del riparto',
      sourceType: 'contribution',
      reallocatesId: null,
      unspentAsOf: null,
      createdAt: null,
      ...allocation,
    };
  });
}

async function insertConfirmed(
  tx: Tx,
  ctx: Context,
  computed: Awaited<ReturnType<typeof compute>>,
  meta: {
    title: string;
    sourceId: string | null;
    sourceType: 'contribution' | 'cofinancing' | 'donations';
    projectId: string | null;
    actionId: string | null;
    periodId: string | null;
    reallocatesId: string | null;
    unspentAsOf: string | null;
  },
): Promise<string> {
  const a = computed.allocation;
  const id = await repo.insertAllocation(tx, {
    ...meta,
    totalCents: a.totalCents,
    territoryType: a.territory.type,
    territoryId: a.territory.id,
    method: a.method,
    groups: a.groups.map((g) => ({
      id: g.subAmbitoId ?? UNGROUPED,
      weight: g.weight,
      amountCents: g.amountCents,
    })),
    createdBy: ctx.actor?.userId ?? null,
  });
  for (const share of a.shares) {
    const lineId = await repo.insertLine(tx, {
      label: `${meta.title} — ${share.comuneName}`,
      projectId: meta.projectId,
      actionId: meta.actionId,
      periodId: meta.periodId,
      sourceId: meta.sourceId,
      sourceType: meta.sourceType,
      allocationId: id,
      comuneCode: share.comuneCode,
      subAmbitoId: share.subAmbitoId,
      budgetCents: share.amountCents,
      createdBy: ctx.actor?.userId ?? null,
    });
    await repo.insertShare(tx, {
      allocationId: id,
      comuneCode: share.comuneCode,
      subAmbitoId: share.subAmbitoId,
      weight: share.weight,
      amountCents: share.amountCents,
      lineId,
    });
  }
  await writeAudit(tx, ctx, {
    action: 'fund.allocation.confirm',
    entityType: 'fund_allocation',
    entityId: id,
    details: {
      totalCents: a.totalCents,
      method: a.method,
      shares: a.shares.length,
      reallocates: meta.reallocatesId,
    },
  });
  return id;
}

/**
 * Confirms an allocation: the allocation, one budget line per comune and the share rows, atomically.
 * @throws 401/403, 422 for bad input or references.
 */
export async function confirmAllocation(ctx: Context, body: ConfirmAllocationBody): Promise<Allocation> {
  return withScope(ctx, 'funds.manage', async (tx, scope) => {
    const computed = await compute(tx, scope, body);
    if (body.projectId && !(await repo.findProject(tx, body.projectId)))
      throw invalidReference('projectId', 'Il progetto');
    if (body.actionId) {
      const action = await repo.findAction(tx, body.actionId);
      if (!action || action.projectId !== body.projectId) throw invalidReference('actionId', 'L’azione');
    }
    const id = await insertConfirmed(tx, ctx, computed, {
      title: body.title.trim(),
      sourceId: body.sourceId ?? null,
      sourceType: body.sourceType ?? 'contribution',
      projectId: body.projectId ?? null,
      actionId: body.actionId ?? null,
      periodId: body.periodId ?? null,
      reallocatesId: null,
      unspentAsOf: null,
    });
    return load(tx, id);
  });
}

async function load(tx: Tx, id: string): Promise<Allocation> {
  const allocation = await repo.findAllocation(tx, id);
  const shares = allocation ? await repo.sharesOf(tx, [id]) : [];
  // Row-level security hides another territory's shares: without one, the allocation is not the
  // actor's, and is not revealed (as in the list).
  if (!allocation || shares.length === 0) throw allocationNotFound();
  const lines = await repo.listLines(tx, { allocationId: id });
  const balances = await balancesOf(tx, lines);
  const comuni = new Map((await listComuni(tx)).map((c) => [c.istatCode, c.name]));
  const subNames = new Map((await listSubAmbiti(tx)).map((s) => [s.id, s.name]));
  return {
    id: allocation.id,
    title: allocation.title,
    totalCents: allocation.totalCents,
    method: allocation.method,
    territory: { type: allocation.territoryType, id: allocation.territoryId },
    sourceType: allocation.sourceType,
    reallocatesId: allocation.reallocatesId,
    unspentAsOf: allocation.unspentAsOf,
    createdAt: allocation.createdAt,
    groups: allocation.groups.map((g) => ({
      subAmbitoId: g.id === UNGROUPED ? null : g.id,
      name: g.id === UNGROUPED ? 'Senza sub-ambito' : (subNames.get(g.id) ?? g.id),
      weight: g.weight,
      amountCents: g.amountCents,
    })),
    shares: shares.map((s) => ({
      comuneCode: s.comuneCode,
      comuneName: comuni.get(s.comuneCode) ?? s.comuneCode,
      subAmbitoId: s.subAmbitoId,
      weight: s.weight,
      amountCents: s.amountCents,
      lineId: s.lineId,
      spentCents: balances.get(s.lineId)?.spentCents ?? 0,
    })),
  };
}

/** @throws 401/403, 404 for an unknown allocation. */
export async function getAllocation(ctx: Context, id: string): Promise<Allocation> {
  return withScope(ctx, 'funds.manage', (tx) => load(tx, id));
}

/** The history of allocations, newest first, with the shares of the actor's territory. */
export async function listAllocations(ctx: Context) {
  return withScope(ctx, 'funds.manage', async (tx) => {
    const allocations = await repo.listAllocations(tx);
    const shares = await repo.sharesOf(
      tx,
      allocations.map((a) => a.id),
    );
    return allocations
      .map((a) => ({
        id: a.id,
        title: a.title,
        totalCents: a.totalCents,
        method: a.method,
        territory: { type: a.territoryType, id: a.territoryId },
        reallocatesId: a.reallocatesId,
        createdAt: a.createdAt,
        shares: shares
          .filter((s) => s.allocationId === a.id)
          .map((s) => ({
            comuneCode: s.comuneCode,
            subAmbitoId: s.subAmbitoId,
            weight: s.weight,
            amountCents: s.amountCents,
          })),
      }))
      .filter((a) => a.shares.length > 0);
  });
}

/**
 * Takes back what each comune of an allocation had not spent (nor committed) by `asOf` — an
 * adjustment movement on its line, under the lines' locks — and allocates the sum again over the
 * same territory by the method given (default: the original one).
 * @throws 401/403, 404, 422 NOTHING_TO_REALLOCATE.
 */
export async function reallocate(ctx: Context, id: string, body: ReallocateBody): Promise<Allocation> {
  return withScope(ctx, 'funds.manage', async (tx, scope) => {
    const original = await repo.findAllocation(tx, id);
    if (!original) throw allocationNotFound();
    const shares = await repo.sharesOf(tx, [id]);
    if (shares.length === 0) throw allocationNotFound();
    const comuneCodes = shares.map((s) => s.comuneCode);
    if (comuneCodes.some((c) => !scopeCovers(scope, c))) throw forbidden();
    await repo.lockLines(
      tx,
      shares.map((s) => s.lineId),
    );
    const lines = await repo.listLines(tx, { allocationId: id });
    const [asOfBalances, nowBalances] = await balancesAt(tx, lines, [body.asOf, undefined]);
    let total = 0;
    for (const line of lines) {
      const unspent = Math.max(
        0,
        Math.min(asOfBalances.get(line.id)!.availableCents, nowBalances.get(line.id)!.availableCents),
      );
      if (unspent === 0) continue;
      total += unspent;
      await repo.insertMovement(
        tx,
        {
          lineId: line.id,
          kind: 'adjustment',
          amountCents: -unspent,
          occurredOn: body.asOf,
          description: `Non speso al ${body.asOf}: riassegnato con «${body.title}»`,
          comuneCode: line.comuneCode,
          recordedBy: ctx.actor!.userId,
        },
        { adjustedCents: -unspent },
      );
    }
    if (total === 0) throw nothingToReallocate();
    const territory: AllocationTerritory =
      original.territoryType === 'ambito' && original.territoryId
        ? { ambitoId: original.territoryId }
        : { comuneCodes };
    const computed = await compute(tx, scope, {
      totalCents: total,
      territory,
      method: (body.method ?? original.method) as Method,
      weights: body.weights,
    });
    const newId = await insertConfirmed(tx, ctx, computed, {
      title: body.title.trim(),
      sourceId: original.sourceId,
      sourceType: original.sourceType,
      projectId: original.projectId,
      actionId: original.actionId,
      periodId: original.periodId,
      reallocatesId: original.id,
      unspentAsOf: body.asOf,
    });
    return load(tx, newId);
  });
}

/**
 * Confirms an allocation inside a system transaction (demo seed, jobs): no actor, whole territory.
 * Not reachable from a route.
 */
export async function unsafeConfirmAllocation(
  tx: Tx,
  ctx: Context,
  body: ConfirmAllocationBody,
): Promise<Allocation> {
  const computed = await compute(tx, { all: true }, body);
  const id = await insertConfirmed(tx, ctx, computed, {
    title: body.title.trim(),
    sourceId: body.sourceId ?? null,
    sourceType: body.sourceType ?? 'contribution',
    projectId: body.projectId ?? null,
    actionId: body.actionId ?? null,
    periodId: body.periodId ?? null,
    reallocatesId: null,
    unspentAsOf: null,
  });
  return load(tx, id);
}
