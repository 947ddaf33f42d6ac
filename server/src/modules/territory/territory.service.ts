import {
  assertInScope,
  unsafeSystemTransaction,
  withPublicScope,
  withScope,
} from '../../platform/access/access.js';
import { scopeCovers } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type {
  Ambito,
  Comune,
  ReassignComuneBody,
  SubAmbito,
} from '../../../../shared/src/territory/territory.schemas.js';
import * as repo from './territory.repository.js';
import {
  ambitoUnknown,
  comuneNotFound,
  subAmbitoExists,
  subAmbitoOutsideAmbito,
} from './territory.errors.js';
import { readTerritoryData } from './territory.import.js';
import { readPopulationByAge } from './territory.population.js';

// Territory is public open data (ISTAT): reading it needs no session.

export function listAmbiti(ctx: Context): Promise<Ambito[]> {
  return withPublicScope(ctx, (tx) => repo.listAmbiti(tx));
}

export function listComuni(ctx: Context, filter: { ambitoId?: string; q?: string }): Promise<Comune[]> {
  return withPublicScope(ctx, (tx) => repo.listComuni(tx, filter));
}

/** @throws 404 for an unknown comune. */
export async function getComune(ctx: Context, istatCode: string): Promise<Comune> {
  const comune = await withPublicScope(ctx, (tx) => repo.findComune(tx, istatCode));
  if (!comune) throw comuneNotFound();
  return comune;
}

/**
 * Moves a comune to another Ambito and/or sub-ambito. The administrator must cover both the
 * comune and every comune of the target Ambito, so nobody pulls a comune into a district they do not run.
 * @throws 403 without territory.manage, 404 outside the actor's territory, 422 for unknown targets.
 */
export async function reassignComune(
  ctx: Context,
  istatCode: string,
  change: ReassignComuneBody,
): Promise<Comune> {
  return withScope(ctx, 'territory.manage', async (tx, scope) => {
    const comune = await repo.findComune(tx, istatCode);
    if (!comune) throw comuneNotFound();
    assertInScope(scope, comune.istatCode, 'Comune');
    const ambitoId = change.ambitoId ?? comune.ambitoId;
    if (!(await repo.findAmbito(tx, ambitoId))) throw ambitoUnknown(ambitoId);
    const targetComuni = await repo.resolveComuni(tx, [ambitoId], []);
    if (!targetComuni.every((code) => scopeCovers(scope, code))) throw forbidden();
    let subAmbitoId = change.subAmbitoId === undefined ? comune.subAmbitoId : change.subAmbitoId;
    // Leaving the Ambito drops a sub-ambito that belonged to the old one.
    if (change.ambitoId && change.ambitoId !== comune.ambitoId && change.subAmbitoId === undefined)
      subAmbitoId = null;
    if (subAmbitoId) {
      const sub = await repo.findSubAmbito(tx, subAmbitoId);
      if (!sub || sub.ambitoId !== ambitoId) throw subAmbitoOutsideAmbito();
    }
    await repo.updateComuneAssignment(tx, istatCode, ambitoId, subAmbitoId);
    await writeAudit(tx, ctx, {
      action: 'comune.reassign',
      entityType: 'comune',
      entityId: istatCode,
      comune: istatCode,
      details: {
        from: { ambitoId: comune.ambitoId, subAmbitoId: comune.subAmbitoId },
        to: { ambitoId, subAmbitoId },
      },
    });
    return { ...comune, ambitoId, subAmbitoId };
  });
}

/** @throws 403 unless the actor manages the whole Ambito, 409 for a duplicate name. */
export async function createSubAmbito(ctx: Context, ambitoId: string, name: string): Promise<SubAmbito> {
  return withScope(ctx, 'territory.manage', async (tx, scope) => {
    if (!(await repo.findAmbito(tx, ambitoId))) throw ambitoUnknown(ambitoId);
    const comuni = await repo.resolveComuni(tx, [ambitoId], []);
    if (!comuni.every((code) => scopeCovers(scope, code))) throw forbidden();
    const existing = await repo.listSubAmbiti(tx);
    if (existing.some((s) => s.ambitoId === ambitoId && s.name.toLowerCase() === name.toLowerCase())) {
      throw subAmbitoExists();
    }
    return repo.insertSubAmbito(tx, ambitoId, name);
  });
}

/** Imports the comuni of the province from CSV (system job: CLI and demo seed). */
export async function importTerritory(
  ctx: Context,
  dir?: string,
): Promise<{ ambiti: number; comuni: number }> {
  const data = readTerritoryData(dir);
  await unsafeSystemTransaction(ctx, (tx) => repo.upsertTerritory(tx, data.ambiti, data.comuni));
  return { ambiti: data.ambiti.length, comuni: data.comuni.length };
}

/**
 * Stores the residents aged 65 and over of each comune from ISTAT's "popolazione residente per età"
 * CSV (territory.population.ts), all comuni in one transaction. Comuni of the file outside the
 * territory (another province) are reported, not stored.
 * @throws 422 POPULATION_FILE_INVALID for a file that is not the expected one
 */
export async function importPopulationByAge(
  ctx: Context,
  bytes: Uint8Array,
  asOf?: string,
): Promise<{ asOf: string; updated: number; unknown: string[] }> {
  const figures = readPopulationByAge(bytes, asOf);
  // A command-line import of public ISTAT figures, as importTerritory: no actor, no scope.
  const updated = await unsafeSystemTransaction(ctx, (tx) =>
    repo.setPopulationOver65(tx, figures.asOf, figures.comuni),
  );
  const known = new Set(updated);
  return {
    asOf: figures.asOf,
    updated: updated.length,
    unknown: figures.comuni.map((c) => c.istatCode).filter((code) => !known.has(code)),
  };
}
