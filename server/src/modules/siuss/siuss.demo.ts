import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { syncRecords } from './siuss.service.js';

// The Ambito Cremonese's comuni send through its lead comune, Cremona, whose codice fiscale
// (public) the flows carry as the sending operator's; the other Ambiti are left to configure.
const CREMONA_CODICE_FISCALE = '00297960197';

/**
 * SIUSS demo: every comune of the Ambito Cremonese configured to send, and this year's records
 * made (pending, for the bulk file or INPS's client). With the codes the migration seeds (rent fund
 * A2.16, disabled transport A1.16) they are the rent-fund contributions paid (PS_PSA_SINA) and the
 * school transport of two disabled pupils with their minor's assessment (SINBA); the other benefits
 * appear in the export's report as not mapped.
 */
export async function seedSiussDemo(tx: Tx): Promise<void> {
  const comuni = await queryRows<{ istat_code: string; name: string }>(
    tx,
    sql`SELECT istat_code, name FROM comuni WHERE ambito_id = 'CREMONA' ORDER BY istat_code`,
  );
  for (const c of comuni)
    await tx.execute(
      sql`INSERT INTO siuss_entes (comune_code, cf_operatore, denominazione)
          VALUES (${c.istat_code}, ${CREMONA_CODICE_FISCALE}, ${`Comune di ${c.name}`.slice(0, 100)})`,
    );
  const today = dateInRome();
  await syncRecords(tx, null, `${today.slice(0, 4)}-01-01`, today);
}
