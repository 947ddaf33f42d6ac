import type { Tx } from '../../platform/db/database.js';
import { addShopUser, insertShop } from '../vouchers/vouchers.repository.js';

/*
 * Demo data of goods and vouchers, seeded by demo.seed.ts on an empty database (system job).
 * Shops are made up; their partite IVA carry a valid check digit and are not real companies'.
 */

const CREMONA = '019036';

/** Made-up 11-digit partita IVA with a correct check digit, from a 10-digit base. */
export function demoVatNumber(base: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(base[i]);
    sum += i % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return `${base}${(10 - (sum % 10)) % 10}`;
}

export const DEMO_SHOPS = [
  {
    name: 'Alimentari Bergamaschi',
    base: '9900000101',
    address: 'Via Mazzini 14',
    lat: 45.1347,
    lon: 10.0256,
  },
  { name: 'Minimarket Porta Po', base: '9900000202', address: 'Via del Sale 40', lat: 45.1268, lon: 10.0317 },
  {
    name: 'Forno e Drogheria Zaist',
    base: '9900000303',
    address: 'Via Giuseppina 7',
    lat: 45.1421,
    lon: 10.0103,
  },
] as const;

export async function seedGoodsDemo(
  tx: Tx,
  options: { userIdsByRole: ReadonlyMap<string, string>; today: string },
): Promise<void> {
  for (const [i, shop] of DEMO_SHOPS.entries()) {
    const id = await insertShop(tx, {
      name: shop.name,
      vatNumber: demoVatNumber(shop.base),
      comuneCode: CREMONA,
      address: shop.address,
      latitude: shop.lat,
      longitude: shop.lon,
      accreditedOn: options.today,
    });
    // The demo shop account works the till of the first shop.
    const esercente = options.userIdsByRole.get('esercente');
    if (i === 0 && esercente) await addShopUser(tx, id, esercente);
  }
}
