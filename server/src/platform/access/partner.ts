import type { Context } from '../context.js';
import type { Tx } from '../db/database.js';
import { withExplicitScope } from './access.js';

/*
 * Partner systems: public bodies' programs that call Legami without a person's session (INPS's
 * "Welfare as a Service" client pulling a comune's SIUSS flows). Invariants:
 * - a partner is named and authenticated by its own module before it gets here, and reaches only
 *   the comuni its credential names — row-level security enforces them as for a person;
 * - a partner holds no role, so no capability of the session world (authorize() refuses it 401);
 * - what a partner does is audited under its name and kind (audit.ts writes `partner:<kind>`).
 */

export type PartnerKind = 'inps_waas';

export interface Partner {
  kind: PartnerKind;
  /** How the audit trail names it, e.g. "INPS WaaS · Comune di Cremona". */
  label: string;
  comuni: ReadonlySet<string>;
}

/**
 * Runs `work` in one transaction as the application role over the partner's comuni, with a
 * context that the audit trail attributes to the partner.
 */
export async function withPartnerScope<T>(
  ctx: Context,
  partner: Partner,
  work: (tx: Tx, partnerCtx: Context) => Promise<T>,
): Promise<T> {
  const partnerCtx: Context = { ...ctx, actor: null, partner };
  return withExplicitScope(partnerCtx, { all: false, comuni: partner.comuni }, (tx) => work(tx, partnerCtx));
}
