import type { Scope } from '../../platform/access/actor.js';

/*
 * Who may do what with SIUSS, beyond the capabilities (siuss.export, siuss.manage: administrators):
 * - the code mapping is one for the installation, so only an administrator of the whole territory
 *   edits it (an Ambito's would change what every other Ambito sends);
 * - a comune's configuration and flows: an administrator whose territory covers the comune
 *   (another territory's comune answers 404 through assertInScope).
 */

/** Whether the scope may edit the installation-wide mapping to INPS codes. */
export function mayEditCodes(scope: Scope): boolean {
  return scope.all;
}
