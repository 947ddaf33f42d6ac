import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { setupTestEnv } from '../../test/harness.js';
import * as repo from './catalog.repository.js';
import { CASSANO_DADDA_SAD } from './catalog.demo.js';
import {
  auditActions,
  buildApprovedService,
  buildProvider,
  count,
  CREMA,
  CREMONA,
  loginCitizen,
  loginMember,
  PANDINO,
  publishService,
  recordIsee,
  serviceInput,
  setTariff,
} from '../../test/catalog-factories.js';

const env = await setupTestEnv();

async function serviceRow(id: string) {
  const [row] = await queryRows<{ status: string; capped_price_cents: number; version: number }>(
    env.database.db,
    sql`SELECT status, capped_price_cents, version FROM catalog_services WHERE id = ${id}`,
  );
  return row;
}

describe('providers publish services, the Ambito moderates', () => {
  it('answers 401 to an anonymous proposal and 403 to a volunteer', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const anonymous = await env.app.inject({
      method: 'POST',
      url: '/api/services',
      payload: serviceInput(providerId),
    });
    expect(anonymous.statusCode).toBe(401);
    const volunteer = await env.loginAs('volontario');
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: volunteer.headers,
      payload: serviceInput(providerId),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('keeps a proposed service out of the public catalogue until approved, auditing both steps', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA, PANDINO] });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: provider.headers,
      payload: serviceInput(providerId, { name: 'Pasti caldi moderati', comuni: [CREMA, PANDINO] }),
    });
    expect(created.statusCode).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      status: 'pending',
      cappedPriceCents: 750,
      abilities: { edit: true, moderate: false },
    });
    const hidden = await env.app.inject({ method: 'GET', url: `/api/services/${service.id}` });
    expect(hidden.statusCode).toBe(404);
    const search = await env.app.inject({ method: 'GET', url: '/api/services?q=moderati' });
    expect(search.json().total).toBe(0);

    const admin = await env.loginAs('amministratore', { type: 'all' });
    const approved = await env.app.inject({
      method: 'POST',
      url: `/api/services/${service.id}/moderation`,
      headers: admin.headers,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    expect((await serviceRow(service.id))!.status).toBe('approved');
    const visible = await env.app.inject({ method: 'GET', url: `/api/services/${service.id}` });
    expect(visible.statusCode).toBe(200);
    expect(visible.json().comuni.map((c: { name: string }) => c.name)).toEqual(['Crema', 'Pandino']);
    expect(await auditActions(env, service.id)).toEqual(['service.create', 'service.moderate']);
  });

  it('sends an approved service back to moderation when its price changes, not when its schedule does', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const id = await buildApprovedService(env, providerId);
    const schedule = await env.app.inject({
      method: 'PUT',
      url: `/api/services/${id}`,
      headers: provider.headers,
      payload: { ...serviceInput(providerId), schedule: 'Tutti i giorni', version: 1 },
    });
    expect(schedule.statusCode).toBe(200);
    expect(await serviceRow(id)).toMatchObject({ status: 'approved', version: 2 });
    const price = await env.app.inject({
      method: 'PUT',
      url: `/api/services/${id}`,
      headers: provider.headers,
      payload: { ...serviceInput(providerId), cappedPriceCents: 800, version: 2 },
    });
    expect(price.statusCode).toBe(200);
    expect(await serviceRow(id)).toMatchObject({ status: 'pending', capped_price_cents: 800, version: 3 });
    expect((await env.app.inject({ method: 'GET', url: `/api/services/${id}` })).statusCode).toBe(404);
  });

  it('refuses a capped price above the list price, a negative price and a comune outside the provider’s territory, saving nothing', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const before = await count(env, 'catalog_services');
    const post = (payload: Record<string, unknown>) =>
      env.app.inject({ method: 'POST', url: '/api/services', headers: provider.headers, payload });
    const capped = await post(serviceInput(providerId, { cappedPriceCents: 1000, listPriceCents: 900 }));
    expect(capped.statusCode).toBe(422);
    expect(capped.json().error).toMatchObject({
      code: 'CAPPED_PRICE_ABOVE_LIST_PRICE',
      details: { field: 'cappedPriceCents' },
    });
    expect(capped.json().error.message).toMatch(/prezzo calmierato/);
    const negative = await post(serviceInput(providerId, { listPriceCents: -1 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.fields[0].field).toBe('listPriceCents');
    const outside = await post(serviceInput(providerId, { comuni: [CREMA, CREMONA] }));
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({
      code: 'COMUNE_OUTSIDE_PROVIDER_TERRITORY',
      details: { comuni: [CREMONA] },
    });
    expect(await count(env, 'catalog_services')).toBe(before);
  });

  it('names every broken rule at once, and refuses a blank title, saving nothing', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const before = await count(env, 'catalog_services');
    const post = (payload: Record<string, unknown>) =>
      env.app.inject({ method: 'POST', url: '/api/services', headers: provider.headers, payload });
    const broken = await post(
      serviceInput(providerId, { cappedPriceCents: 1000, listPriceCents: 900, comuni: [CREMA, CREMONA] }),
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error).toMatchObject({
      code: 'CAPPED_PRICE_ABOVE_LIST_PRICE',
      details: {
        field: 'cappedPriceCents',
        fields: [
          { field: 'cappedPriceCents', code: 'CAPPED_PRICE_ABOVE_LIST_PRICE' },
          { field: 'comuni', code: 'COMUNE_OUTSIDE_PROVIDER_TERRITORY' },
        ],
      },
    });
    const blank = await post(serviceInput(providerId, { name: '    ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.fields[0].field).toBe('name');
    expect(await count(env, 'catalog_services')).toBe(before);
  });

  it('tells a provider its own organisations and the comuni each serves, and no one else’s', async () => {
    const providerId = await buildProvider(env, { comuni: [PANDINO, CREMA], name: 'Cooperativa Elenco Uno' });
    await buildProvider(env, { comuni: [CREMONA], name: 'Cooperativa Elenco Due' });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/provider/organizations',
      headers: provider.headers,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({
      items: [
        {
          id: providerId,
          name: 'Cooperativa Elenco Uno',
          comuni: [
            { code: CREMA, name: 'Crema' },
            { code: PANDINO, name: 'Pandino' },
          ],
        },
      ],
    });
    const volunteer = await env.loginAs('volontario');
    const refused = await env.app.inject({
      method: 'GET',
      url: '/api/provider/organizations',
      headers: volunteer.headers,
    });
    expect(refused.statusCode).toBe(403);
    const anonymous = await env.app.inject({ method: 'GET', url: '/api/provider/organizations' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('forbids a provider to publish for another provider', async () => {
    const mine = await buildProvider(env, { comuni: [CREMA] });
    const theirs = await buildProvider(env, { comuni: [CREMA] });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: mine,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: provider.headers,
      payload: serviceInput(theirs),
    });
    expect(response.statusCode).toBe(403);
  });

  it('hides a pending service from a moderator of another territory with 404, leaving it pending', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'ambito', id: 'CREMA' },
    });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: provider.headers,
      payload: serviceInput(providerId),
    });
    const cremonese = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/services/${created.json().id}/moderation`,
      headers: cremonese.headers,
      payload: { decision: 'approve' },
    });
    expect(response.statusCode).toBe(404);
    expect((await serviceRow(created.json().id))!.status).toBe('pending');
  });
});

describe('search', () => {
  it('finds "pasti a domicilio anziani Crema" by stem and accent-free words, limited to Crema', async () => {
    const providerId = await buildProvider(env, {
      comuni: [CREMA, CREMONA],
      name: 'Cooperativa Ricerca Uno',
    });
    const provider = await loginMember(env, {
      role: 'fornitore',
      organizationId: providerId,
      scope: { type: 'all' },
    });
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const publish = (overrides: Parameters<typeof serviceInput>[1]) =>
      publishService(env, provider, admin, serviceInput(providerId, overrides));
    const crema = await publish({ name: 'Pasti a domicilio – Crema', comuni: [CREMA] });
    const cremona = await publish({ name: 'Pasti a domicilio – Cremona', comuni: [CREMONA] });
    const badante = await publish({
      name: 'Assistenza familiare qualificata',
      categoryId: 'assistenza_domiciliare',
      description:
        'Assistenti familiari formati per la cura della persona non autosufficiente, anche di notte.',
      unit: 'hour',
      comuni: [CREMA],
    });
    const found = await env.app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('pasti a domicilio anziani Crema')}`,
    });
    expect(found.statusCode).toBe(200);
    const ids = found.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(crema);
    expect(ids).not.toContain(cremona);
    expect(found.json().items[0]).toMatchObject({
      id: crema,
      providerName: 'Cooperativa Ricerca Uno',
      cappedPriceCents: 750,
    });
    expect(found.json().items[0].priceForMeCents).toBeUndefined();

    const byComune = await env.app.inject({ method: 'GET', url: `/api/services?q=pasto&comune=${CREMONA}` });
    expect(byComune.json().items.map((i: { id: string }) => i.id)).toEqual([cremona]);
    // "badante" is not in the service's text: the category's synonyms bring it in.
    const synonym = await env.app.inject({ method: 'GET', url: '/api/services?q=badante' });
    expect(synonym.json().items.map((i: { id: string }) => i.id)).toContain(badante);
    // Accents: "lunedi" finds "lunedì" of the description.
    const accents = await env.app.inject({ method: 'GET', url: `/api/services?q=lunedi&comune=${CREMA}` });
    const accented = accents.json().items.map((i: { id: string }) => i.id);
    expect(accented).toContain(crema);
    expect(accented).not.toContain(badante);
    const filtered = await env.app.inject({
      method: 'GET',
      url: `/api/services?category=assistenza_domiciliare&comune=${CREMA}`,
    });
    expect(filtered.json().items.map((i: { id: string }) => i.id)).toEqual([badante]);
  });

  it('tolerates a misspelt word ("badnate" finds "badante") only when full-text search finds nothing', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA], name: 'Cooperativa Refusi' });
    const carer = await buildApprovedService(env, providerId, {
      name: 'Badante convivente per anziani',
      description: 'Badante qualificata, giorno e notte.',
    });
    const meals = await buildApprovedService(env, providerId, {
      name: 'Pasti caldi refusi',
      description: 'Pasti caldi consegnati a casa.',
    });
    const search = async (q: string) =>
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/services?q=${encodeURIComponent(q)}&comune=${CREMA}`,
        })
      ).json();
    const typo = await search('badnate');
    expect(typo.items.map((i: { id: string }) => i.id)).toContain(carer);
    expect(typo.items.map((i: { id: string }) => i.id)).not.toContain(meals);
    expect(typo.total).toBe(typo.items.length);
    // Spelt right, full-text search answers and the similar-looking words play no part.
    const exact = await search('badante');
    expect(exact.items[0].id).toBe(carer);
    expect(exact.items.map((i: { id: string }) => i.id)).not.toContain(meals);
    expect((await search('zzzqqq')).total).toBe(0);
  });

  it('counts every match while returning one page, also past the last page', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    for (const name of ['Pasti paginati uno', 'Pasti paginati due', 'Pasti paginati tre'])
      await buildApprovedService(env, providerId, { name, description: `${name}: pasti caldi paginati.` });
    const page = (query: string) =>
      env.app.inject({ method: 'GET', url: `/api/services?q=paginati&${query}` });
    const first = (await page('limit=2')).json();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const last = (await page('limit=2&offset=2')).json();
    expect(last).toMatchObject({ total: 3 });
    expect(last.items.map((i: { name: string }) => i.name)).not.toContain(first.items[0].name);
    expect((await page('limit=2&offset=10')).json()).toEqual({ items: [], total: 3 });
  });

  it('gives a logged-in citizen their own price from their comune’s tariff and ISEE', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const serviceId = await buildApprovedService(env, providerId, { name: 'Pasti tariffati a Crema' });
    const rule = await setTariff(env, { scopeType: 'comune', scopeId: CREMA, serviceId }, CASSANO_DADDA_SAD);
    expect(rule.statusCode).toBe(201);
    const citizen = await loginCitizen(env, CREMA);
    const isee = await recordIsee(env, citizen.personId, { valueCents: 400_000, ambito: 'CREMA' });
    expect(isee.statusCode).toBe(201);
    expect(isee.json()).toMatchObject({ status: 'valid', valueCents: 400_000 });
    const found = await env.app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('pasti tariffati')}&comune=${CREMA}`,
      headers: citizen.headers,
    });
    // 200 + 300 × 1,000/4,500 = 266.67 → 267 cents.
    expect(found.json().items).toEqual([
      expect.objectContaining({ id: serviceId, cappedPriceCents: 750, priceForMeCents: 267 }),
    ]);
    const page = await env.app.inject({
      method: 'GET',
      url: `/api/services/${serviceId}`,
      headers: citizen.headers,
    });
    expect(page.json().priceForMe).toEqual({ unitCents: 267, basis: 'band', iseeStatus: 'valid', band: 1 });
    const cheap = await env.app.inject({
      method: 'GET',
      url: `/api/services?comune=${CREMA}&maxPriceForMeCents=266`,
      headers: citizen.headers,
    });
    expect(cheap.json().items.map((i: { id: string }) => i.id)).not.toContain(serviceId);
  });

  it('leaves out, when asked for what is available now, a service whose capacity for today’s period is used up', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const full = await buildApprovedService(env, providerId, {
      name: 'Trasloco solidale esaurito',
      capacity: 2,
      capacityPeriod: 'day',
    });
    const roomy = await buildApprovedService(env, providerId, {
      name: 'Trasloco solidale disponibile',
      capacity: 2,
      capacityPeriod: 'day',
    });
    const unlimited = await buildApprovedService(env, providerId, { name: 'Trasloco solidale libero' });
    const today = dateInRome();
    await env.database.db.execute(
      sql`INSERT INTO catalog_capacity_usage (service_id, period_key, booked) VALUES (${full}, ${today}, 2), (${roomy}, ${today}, 1)`,
    );
    const search = async (extra: string) =>
      (
        await env.app.inject({ method: 'GET', url: `/api/services?q=trasloco%20solidale${extra}` })
      ).json() as { items: { id: string }[]; total: number };
    expect((await search('')).items.map((i) => i.id).sort()).toEqual([full, roomy, unlimited].sort());
    const available = await search('&available=true');
    expect(available.items.map((i) => i.id).sort()).toEqual([roomy, unlimited].sort());
    expect(available.total).toBe(2);
  });
});

describe('ISEE declarations', () => {
  const declaration = {
    iseeType: 'sociosanitario',
    valueCents: 1_250_000,
    dsuProtocol: 'INPS-ISEE-2026-00099999B-00',
    issuedOn: '2026-02-01',
    expiresOn: '2026-12-31',
  };

  it('lets a welfare manager record one, unverified, and a social worker verify it, auditing each step', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const manager = await env.loginAs('welfare_manager');
    const created = await env.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/isee`,
      headers: manager.headers,
      payload: declaration,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'unverified', verifiedBy: null });
    const social = await env.loginAs('assistente_sociale');
    const verified = await env.app.inject({
      method: 'POST',
      url: `/api/isee/${created.json().id}/verify`,
      headers: social.headers,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().verifiedAt).not.toBeNull();
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/people/${personId}/isee`,
      headers: social.headers,
    });
    expect(read.json()).toEqual([expect.objectContaining({ id: created.json().id, valueCents: 1_250_000 })]);
    expect(await auditActions(env, created.json().id)).toEqual(['isee.create', 'isee.verify']);
    expect(await auditActions(env, personId)).toEqual(['isee.read']);
  });

  it('refuses the ISEE to roles that may not see economic data: 401, then 403 for an operator, a provider and a volunteer', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    expect((await env.app.inject({ method: 'GET', url: `/api/people/${personId}/isee` })).statusCode).toBe(
      401,
    );
    for (const role of ['operatore', 'fornitore', 'volontario', 'amministratore'] as const) {
      const session = await env.loginAs(role);
      const response = await env.app.inject({
        method: 'GET',
        url: `/api/people/${personId}/isee`,
        headers: session.headers,
      });
      expect(response.statusCode, role).toBe(403);
    }
  });

  it('hides a person of another Ambito with 404 and saves nothing', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const cremasco = await env.loginAs('welfare_manager', { type: 'ambito', id: 'CREMA' });
    const before = await count(env, 'isee_declarations');
    const write = await env.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/isee`,
      headers: cremasco.headers,
      payload: declaration,
    });
    expect(write.statusCode).toBe(404);
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/people/${personId}/isee`,
      headers: cremasco.headers,
    });
    expect(read.statusCode).toBe(404);
    expect(await count(env, 'isee_declarations')).toBe(before);
  });

  it('refuses an expiry before the issue date with the field named', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const manager = await env.loginAs('welfare_manager');
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/isee`,
      headers: manager.headers,
      payload: { ...declaration, expiresOn: '2026-01-01' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.field).toBe('expiresOn');
  });
});

describe('tariff rules', () => {
  it('refuses a rule whose threshold belongs to both bands, saving nothing', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const bad = {
      ...CASSANO_DADDA_SAD,
      bands: [
        { ...CASSANO_DADDA_SAD.bands[0], toInclusive: true },
        { ...CASSANO_DADDA_SAD.bands[1], fromInclusive: true },
      ],
    };
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/tariff-rules',
      headers: admin.headers,
      payload: {
        scopeType: 'comune',
        scopeId: CREMONA,
        categoryId: 'assistenza_domiciliare',
        name: 'SAD',
        rule: bad,
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('TARIFF_RULE_INVALID');
    const [row] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM catalog_tariff_rules WHERE scope_id = ${CREMONA} AND category_id = 'assistenza_domiciliare'`,
    );
    expect(row!.n).toBe(0);
  });

  it('refuses tariffs to a provider with 403 and to another Ambito’s administrator with 404', async () => {
    const provider = await env.loginAs('fornitore');
    const payload = {
      scopeType: 'comune',
      scopeId: CREMA,
      categoryId: 'pasti_domicilio',
      name: 'Pasti',
      rule: CASSANO_DADDA_SAD,
    };
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/tariff-rules', headers: provider.headers, payload }))
        .statusCode,
    ).toBe(403);
    const cremonese = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/tariff-rules',
          headers: cremonese.headers,
          payload,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the tariff preview', () => {
  const preview = async (headers: Record<string, string>, payload: Record<string, unknown>) =>
    env.app.inject({ method: 'POST', url: '/api/tariff-rules/preview', headers, payload });

  it('prices a draft rule with the tariff engine exactly on each threshold, saving nothing', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const tariffRules = async () =>
      (
        await queryRows<{ n: number }>(
          env.database.db,
          sql`SELECT count(*)::int AS n FROM catalog_tariff_rules`,
        )
      )[0]!.n;
    const before = await tariffRules();
    const values = [0, 300_000, 300_001, 750_000, 2_000_000, 2_000_001];
    const response = await preview(admin.headers, {
      rule: CASSANO_DADDA_SAD,
      iseeType: 'sociosanitario',
      iseeValuesCents: values,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      noIseeCents: 2000,
      points: [
        { iseeValueCents: 0, unitCents: 0, basis: 'band', band: 0 },
        { iseeValueCents: 300_000, unitCents: 0, basis: 'band', band: 0 },
        { iseeValueCents: 300_001, unitCents: 200, basis: 'band', band: 1 },
        { iseeValueCents: 750_000, unitCents: 500, basis: 'band', band: 1 },
        { iseeValueCents: 2_000_000, unitCents: 1800, basis: 'band', band: 2 },
        { iseeValueCents: 2_000_001, unitCents: 1800, basis: 'full_tariff', band: null },
      ],
    });
    // An ISEE of a kind the rule does not accept counts as none: the price without ISEE.
    const wrongKind = await preview(admin.headers, {
      rule: CASSANO_DADDA_SAD,
      iseeType: 'minorenni',
      iseeValuesCents: [100_000],
    });
    expect(wrongKind.json().points).toEqual([
      { iseeValueCents: 100_000, unitCents: 2000, basis: 'no_isee', band: null },
    ]);
    expect(await tariffRules()).toBe(before);
  });

  it('names the band at fault in a draft, and refuses the preview to a provider', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const gap = {
      ...CASSANO_DADDA_SAD,
      bands: [CASSANO_DADDA_SAD.bands[0], { ...CASSANO_DADDA_SAD.bands[1], fromCents: 310_000 }],
    };
    const refused = await preview(admin.headers, {
      rule: gap,
      iseeType: 'ordinario',
      iseeValuesCents: [1],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'TARIFF_RULE_INVALID',
      details: { field: 'bands.1.fromCents' },
    });
    const provider = await env.loginAs('fornitore');
    const forbidden = await preview(provider.headers, {
      rule: CASSANO_DADDA_SAD,
      iseeType: 'ordinario',
      iseeValuesCents: [1],
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('orientation notes at the desk', () => {
  const notes = (personId: string) =>
    queryRows<{ note: string }>(
      env.database.db,
      sql`SELECT note FROM orientation_notes WHERE person_id = ${personId}`,
    );

  it('lets a welfare manager note the orientation given at their access point and read it back, audited', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const manager = await env.loginAs('welfare_manager');
    const organizationId = await buildProvider(env, { comuni: [CREMONA] });
    const accessPointId = await repo.insertAccessPoint(env.database.db, {
      name: 'Sportello di prova',
      organizationId,
      kind: 'public',
      comuneCode: CREMONA,
      neighbourhood: null,
      address: 'Via Prova 1',
      latitude: 45.13,
      longitude: 10.02,
      openingHours: [],
      phone: null,
      email: null,
    });
    const post = (body: Record<string, unknown>) =>
      env.app.inject({
        method: 'POST',
        url: `/api/people/${personId}/orientation-notes`,
        headers: manager.headers,
        payload: body,
      });
    // Not (yet) staff of that access point: refused, nothing saved.
    const stranger = await post({ note: 'Orientata ai pasti a domicilio', accessPointId });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('NOT_ACCESS_POINT_STAFF');
    expect((await post({ note: '   ' })).statusCode).toBe(422);
    expect(await notes(personId)).toEqual([]);

    await repo.addAccessPointStaff(env.database.db, accessPointId, manager.userId);
    const created = await post({ note: ' Orientata ai pasti a domicilio e al SAD ', accessPointId });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      personId,
      note: 'Orientata ai pasti a domicilio e al SAD',
      accessPointName: 'Sportello di prova',
    });
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/people/${personId}/orientation-notes`,
      headers: manager.headers,
    });
    expect(read.json().items).toEqual([expect.objectContaining({ id: created.json().id })]);
    expect(await auditActions(env, created.json().id)).toEqual(['orientation.create']);
    expect(await auditActions(env, personId)).toEqual(['orientation.read']);
  });

  it('answers 401 without a session, 403 to an operator and 404 to a manager of another Ambito, saving nothing', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const url = `/api/people/${personId}/orientation-notes`;
    const payload = { note: 'Orientata al segretariato sociale' };
    expect((await env.app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    const operator = await env.loginAs('operatore');
    expect(
      (await env.app.inject({ method: 'POST', url, headers: operator.headers, payload })).statusCode,
    ).toBe(403);
    const foreign = await env.loginAs('welfare_manager', { type: 'ambito', id: 'CREMA' });
    expect(
      (await env.app.inject({ method: 'POST', url, headers: foreign.headers, payload })).statusCode,
    ).toBe(404);
    expect((await env.app.inject({ method: 'GET', url, headers: foreign.headers })).statusCode).toBe(404);
    expect(await notes(personId)).toEqual([]);
  });
});
