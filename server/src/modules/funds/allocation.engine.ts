/*
 * The allocation engine: splits an amount of cents across recipients in proportion to integer
 * weights, exactly to the cent. Pure: problem in, shares out, no database.
 *
 * Method: largest remainder (Hamilton). Each recipient first gets floor(total × w / W); the cents
 * left over (fewer than the number of recipients) go one each to the recipients with the largest
 * remainders. Tie-break, documented and deterministic: equal remainders → larger weight first →
 * smaller id first (plain string comparison of the ISTAT code or sub-ambito id). Ids are unique,
 * so the order is total and the result does not depend on the order of the input.
 *
 * Invariants (property-tested in allocation.engine.test.ts):
 * - the shares sum exactly to the total; no share is negative;
 * - each share is within one cent of the exact proportion total × w / W (floor or floor + 1);
 * - a zero weight gets zero; one recipient gets everything;
 * - reordering the input reorders the output and nothing else.
 * Arithmetic is in BigInt: total × weight can exceed 2^53 for large amounts and populations.
 */

export interface WeightedRecipient {
  /** Unique id: an ISTAT code, a sub-ambito id. */
  id: string;
  /** Non-negative integer weight (population, residents, 1 for equal shares, a scaled custom weight). */
  weight: number;
}

export interface Share {
  id: string;
  weight: number;
  amountCents: number;
}

export class AllocationInputError extends Error {
  constructor(
    readonly code: 'ALLOCATION_NO_RECIPIENTS' | 'ALLOCATION_ZERO_WEIGHTS' | 'ALLOCATION_BAD_INPUT',
    message: string,
  ) {
    super(message);
  }
}

function check(totalCents: number, recipients: readonly WeightedRecipient[]): void {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0)
    throw new AllocationInputError(
      'ALLOCATION_BAD_INPUT',
      "L'importo deve essere un numero intero di centesimi ≥ 0.",
    );
  if (recipients.length === 0)
    throw new AllocationInputError(
      'ALLOCATION_NO_RECIPIENTS',
      'Nessun destinatario a cui ripartire l’importo.',
    );
  const ids = new Set<string>();
  for (const r of recipients) {
    if (!Number.isSafeInteger(r.weight) || r.weight < 0)
      throw new AllocationInputError(
        'ALLOCATION_BAD_INPUT',
        `Il peso di «${r.id}» deve essere un intero ≥ 0.`,
      );
    if (ids.has(r.id))
      throw new AllocationInputError('ALLOCATION_BAD_INPUT', `Destinatario ripetuto: «${r.id}».`);
    ids.add(r.id);
  }
}

/**
 * Splits `totalCents` across `recipients` by largest remainder.
 * @returns one share per recipient, in the input order.
 * @throws AllocationInputError for no recipients, negative or non-integer weights, duplicate ids,
 *   or all weights zero with a positive amount.
 */
export function allocate(totalCents: number, recipients: readonly WeightedRecipient[]): Share[] {
  check(totalCents, recipients);
  const total = BigInt(totalCents);
  const weightSum = recipients.reduce((s, r) => s + BigInt(r.weight), 0n);
  if (weightSum === 0n) {
    if (total === 0n) return recipients.map((r) => ({ id: r.id, weight: r.weight, amountCents: 0 }));
    throw new AllocationInputError(
      'ALLOCATION_ZERO_WEIGHTS',
      'Tutti i pesi sono zero: non si può ripartire un importo positivo.',
    );
  }
  const parts = recipients.map((r, index) => {
    const product = total * BigInt(r.weight);
    return { index, id: r.id, weight: r.weight, floor: product / weightSum, remainder: product % weightSum };
  });
  let leftover = total - parts.reduce((s, p) => s + p.floor, 0n);
  const ranked = [...parts].sort(compareForLeftover);
  const bonus = new Set<number>();
  for (const p of ranked) {
    if (leftover === 0n) break;
    bonus.add(p.index);
    leftover -= 1n;
  }
  return parts.map((p) => ({
    id: p.id,
    weight: p.weight,
    amountCents: Number(p.floor + (bonus.has(p.index) ? 1n : 0n)),
  }));
}

/** Larger remainder first, then larger weight, then smaller id: a total order on unique ids. */
function compareForLeftover(
  a: { remainder: bigint; weight: number; id: string },
  b: { remainder: bigint; weight: number; id: string },
): number {
  if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface TerritoryRecipient extends WeightedRecipient {
  /** The recipient's group (sub-ambito), or null when it belongs to none. */
  groupId: string | null;
}

export interface TwoLevelShare extends Share {
  groupId: string | null;
}

export interface TwoLevelAllocation {
  /** First level: one share per group, weight = the sum of its members' weights. */
  groups: Share[];
  /** Second level: one share per recipient, in the input order. */
  shares: TwoLevelShare[];
}

// Comuni without a sub-ambito, when some others have one, are split together as one group.
export const UNGROUPED = '—';

/**
 * Amount → groups → recipients. When no recipient has a group the split goes straight to the
 * recipients (one level, `groups` empty). Each level keeps the one-cent guarantee against its own
 * proportion, so a recipient is within two cents of its overall proportion.
 * @throws AllocationInputError as `allocate`.
 */
export function allocateTwoLevel(
  totalCents: number,
  recipients: readonly TerritoryRecipient[],
): TwoLevelAllocation {
  check(totalCents, recipients);
  if (recipients.every((r) => r.groupId === null)) {
    return {
      groups: [],
      shares: allocate(totalCents, recipients).map((s) => ({ ...s, groupId: null })),
    };
  }
  const groupWeights = new Map<string, number>();
  for (const r of recipients) {
    const g = r.groupId ?? UNGROUPED;
    groupWeights.set(g, (groupWeights.get(g) ?? 0) + r.weight);
  }
  const groups = allocate(
    totalCents,
    [...groupWeights].map(([id, weight]) => ({ id, weight })),
  );
  const byRecipient = new Map<string, number>();
  for (const group of groups) {
    const members = recipients.filter((r) => (r.groupId ?? UNGROUPED) === group.id);
    // A group whose members all weigh zero gets zero from the first level, so this never throws.
    for (const s of allocate(group.amountCents, members)) byRecipient.set(s.id, s.amountCents);
  }
  return {
    groups,
    shares: recipients.map((r) => ({
      id: r.id,
      weight: r.weight,
      groupId: r.groupId,
      amountCents: byRecipient.get(r.id)!,
    })),
  };
}

/**
 * Custom weights typed by a person (e.g. 12.5 %) become integers without losing their ratio:
 * each is scaled by 10^4 and must have at most four decimals.
 * @throws AllocationInputError for a negative weight or one with more than four decimals.
 */
export function scaleCustomWeight(id: string, value: number): number {
  const scaled = Math.round(value * 10_000);
  if (
    !Number.isFinite(value) ||
    value < 0 ||
    Math.abs(scaled - value * 10_000) > 1e-6 ||
    !Number.isSafeInteger(scaled)
  )
    throw new AllocationInputError(
      'ALLOCATION_BAD_INPUT',
      `Il peso di «${id}» deve essere un numero ≥ 0 con al più quattro decimali.`,
    );
  return scaled;
}
