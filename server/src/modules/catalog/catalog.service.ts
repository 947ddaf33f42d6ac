import {
  assertInScope,
  authorize,
  requireActor,
  withExplicitScope,
  withScope,
} from '../../platform/access/access.js';
import {
  organizationReach,
  organizationsLimiting,
  scopeCovers,
  scopeIsEmpty,
  scopeOf,
  type Actor,
  type Scope,
} from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { databaseErrorOf, type Database, type Tx } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import { dateInRome } from '../../platform/time.js';
import type {
  AccessPoint,
  Category,
  IseeDeclaration,
  IseeInput,
  ModerationBody,
  OrientationNote,
  ProviderOrganizationList,
  OrientationNoteInput,
  Service,
  ServiceInput,
  ServiceList,
  ServiceSearchPage,
  ServiceSearchQuery,
  TariffPreview,
  TariffPreviewInput,
  TariffRuleInput,
  TariffRuleView,
  UpdateServiceBody,
} from '../../../../shared/src/catalog/catalog.schemas.js';
import type { TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';
import { serviceRuleProblems } from '../../../../shared/src/catalog/service.rules.js';
import { findPersonRecord as findPerson, foldName } from '../people/index.js';
import * as repo from './catalog.repository.js';
import * as errors from './catalog.errors.js';
import { mayManageProvider, mayManageService, mayModerate } from './catalog.policy.js';
import { presentAccessPoint, presentIsee, presentService, presentTariffRule } from './catalog.presenter.js';
import { periodKeyOf } from './catalog.orders.rules.js';
import {
  computeTariff,
  priceForCitizen,
  validateTariffRule,
  type IseeFacts,
  type TariffOutcome,
} from './catalog.tariff.js';

const NO_TERRITORY: Scope = { all: false, comuni: new Set() };

/** Public reference data (services, taxonomy, access points) read as the application role, no personal data. */
export function publicTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withExplicitScope(ctx, NO_TERRITORY, work);
}

// ---- comuni, cached per database: reference data that changes only with an import ------------

const comuniLoaded = new WeakMap<Database, Map<string, repo.ComuneRow>>();

/**
 * The comuni by ISTAT code. Inside a transaction pass its `tx`: PGlite has one connection, so a
 * second transaction opened there (or awaited from there) would wait for the first forever. Only
 * loaded values are shared, never a pending load.
 */
export async function comuniIndex(ctx: Context, tx?: Tx): Promise<Map<string, repo.ComuneRow>> {
  const loaded = comuniLoaded.get(ctx.database);
  if (loaded) return loaded;
  const rows = tx ? await repo.listComuniRows(tx) : await publicTransaction(ctx, repo.listComuniRows);
  const index = new Map(rows.map((r) => [r.istat_code, r]));
  comuniLoaded.set(ctx.database, index);
  return index;
}

async function comuneNames(ctx: Context, tx: Tx): Promise<Map<string, string>> {
  const index = await comuniIndex(ctx, tx);
  return new Map([...index].map(([code, c]) => [code, c.name]));
}

export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const x = (b.longitude - a.longitude) * Math.cos(((a.latitude + b.latitude) / 2) * (Math.PI / 180));
  return 111.2 * Math.sqrt(x * x + (b.latitude - a.latitude) ** 2);
}

/** Lower case, no accents, letters and digits only: the text the full-text index sees. */
export function foldSearchText(value: string): string {
  return foldName(value)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The folded text a service is found by: its own words, its category's name and the words citizens
 * use for it ("badante"), the target groups, the provider and the comune it is based in.
 */
export function serviceSearchText(service: {
  name: string;
  description: string;
  term: Pick<repo.TermRow, 'name_it' | 'keywords'>;
  targetGroups: readonly string[];
  providerName: string;
  isMunicipal: boolean;
  baseComuneName: string;
}): string {
  return foldSearchText(
    [
      service.name,
      service.description,
      service.term.name_it,
      service.term.keywords,
      service.targetGroups.join(' '),
      service.providerName,
      service.isMunicipal ? 'comunale comune' : '',
      service.baseComuneName,
    ].join(' '),
  );
}

// ---- the citizen behind a session -----------------------------------------------------------

export interface Citizen {
  personId: string;
  comuneCode: string;
  ambitoId: string;
  fullName: string;
  codiceFiscale: string | null;
  disability: boolean;
  isee: IseeFacts[];
}

function iseeFacts(rows: repo.IseeRow[]): IseeFacts[] {
  return rows.map((r) => ({
    type: r.isee_type,
    valueCents: r.value_cents,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    verified: r.verified_at !== null,
  }));
}

/** A person and their ISEE declarations as the tariffs and the eligibility rules see them. */
export function citizenOf(
  person: Pick<
    repo.BookingPerson,
    'id' | 'comune_code' | 'ambito_id' | 'given_name' | 'family_name' | 'codice_fiscale' | 'disability'
  >,
  isee: repo.IseeRow[],
): Citizen {
  return {
    personId: person.id,
    comuneCode: person.comune_code,
    ambitoId: person.ambito_id,
    fullName: `${person.given_name} ${person.family_name}`,
    codiceFiscale: person.codice_fiscale,
    disability: person.disability,
    isee: iseeFacts(isee),
  };
}

/** Reads a person with their ISEE in the caller's transaction; null when outside its territory. */
export async function loadBeneficiary(ctx: Context, tx: Tx, personId: string): Promise<Citizen | null> {
  const person = await findPerson(tx, personId);
  if (!person) return null;
  const comune = (await comuniIndex(ctx, tx)).get(person.comune_code);
  return citizenOf({ ...person, ambito_id: comune?.ambito_id ?? '' }, await repo.listIsee(tx, personId));
}

/** The logged-in citizen's own record and ISEE, or null for anyone else (their own data: not audited). */
export async function currentCitizen(ctx: Context): Promise<Citizen | null> {
  const actor = ctx.actor;
  if (!actor?.personId) return null;
  const scope = scopeOf(actor, 'order.own');
  if (scopeIsEmpty(scope)) return null;
  return withExplicitScope(ctx, scope, (tx) => loadBeneficiary(ctx, tx, actor.personId!));
}

// ---- tariffs --------------------------------------------------------------------------------

/** The most specific rule: comune + service, comune + category, Ambito + service, Ambito + category. */
export function pickRule(
  rules: repo.TariffRuleRow[],
  citizen: Pick<Citizen, 'comuneCode' | 'ambitoId'>,
  service: { id: string; categoryIds: string[] },
): TariffRule | null {
  const rank = (r: repo.TariffRuleRow): number => {
    const scope =
      r.scope_type === 'comune' && r.scope_id === citizen.comuneCode
        ? 0
        : r.scope_type === 'ambito' && r.scope_id === citizen.ambitoId
          ? 2
          : -1;
    if (scope < 0) return -1;
    if (r.service_id === service.id) return scope;
    if (r.category_id && service.categoryIds.includes(r.category_id)) return scope + 1;
    return -1;
  };
  const best = rules
    .map((r) => ({ r, rank: rank(r) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank)[0];
  return best?.r.rule ?? null;
}

/** Prices for a citizen of a batch of services, computed from the rules of their comune and Ambito. */
export async function pricesFor(
  ctx: Context,
  tx: Tx,
  citizen: Citizen,
  services: Pick<repo.ServiceRow, 'id' | 'category_id' | 'capped_price_cents'>[],
): Promise<Map<string, TariffOutcome>> {
  const terms = new Map((await repo.listTerms(tx)).map((t) => [t.id, t]));
  const categoriesOf = (id: string) => [id, ...(terms.get(id)?.parent_id ? [terms.get(id)!.parent_id!] : [])];
  const rules = await repo.applicableRules(
    tx,
    citizen.comuneCode,
    citizen.ambitoId,
    services.map((s) => s.id),
    [...new Set(services.flatMap((s) => categoriesOf(s.category_id)))],
  );
  const today = dateInRome();
  return new Map(
    services.map((s) => [s.id, priceFromRules(rules, citizen, s, categoriesOf(s.category_id), today)]),
  );
}

/** A citizen's price for one service on `today`, from the rules that may apply to them. */
export function priceFromRules(
  rules: repo.TariffRuleRow[],
  citizen: Citizen,
  service: Pick<repo.ServiceRow, 'id' | 'capped_price_cents'>,
  categoryIds: string[],
  today: string,
): TariffOutcome {
  return priceForCitizen(
    service.capped_price_cents,
    pickRule(rules, citizen, { id: service.id, categoryIds }),
    citizen.isee,
    today,
  );
}

// ---- taxonomy -------------------------------------------------------------------------------

export async function listCategories(ctx: Context): Promise<Category[]> {
  const terms = await publicTransaction(ctx, repo.listTerms);
  const english = ctx.actor?.locale === 'en';
  return terms.map((t) => ({
    id: t.id,
    parentId: t.parent_id,
    name: english ? t.name_en : t.name_it,
    description: t.description,
  }));
}

// ---- services -------------------------------------------------------------------------------

export async function toServiceValues(
  ctx: Context,
  tx: Tx,
  input: ServiceInput,
  provider: repo.ProviderRow,
): Promise<repo.ServiceValues> {
  const problems = serviceRuleProblems(input, provider.comuni_served);
  if (problems.length > 0) throw errors.serviceRuleBroken(problems);
  const term = await repo.findTerm(tx, input.categoryId);
  if (!term) throw errors.unknownCategory();
  const base = input.baseComuneCode ?? input.comuni[0]!;
  const capacity = input.capacity ?? null;
  const capacityPeriod = input.capacityPeriod ?? null;
  const program = input.municipalProgram ?? null;
  const names = await comuneNames(ctx, tx);
  const searchText = serviceSearchText({
    ...input,
    term,
    providerName: provider.name,
    baseComuneName: names.get(base) ?? '',
  });
  return {
    providerId: provider.organization_id,
    categoryId: input.categoryId,
    name: input.name.trim(),
    description: input.description.trim(),
    targetGroups: input.targetGroups,
    comuni: input.comuni,
    baseComuneCode: base,
    schedule: input.schedule.trim(),
    unit: input.unit,
    listPriceCents: input.listPriceCents,
    cappedPriceCents: input.cappedPriceCents,
    capacity,
    capacityPeriod,
    isMunicipal: input.isMunicipal,
    municipalProgram: program,
    requiredDocuments: input.requiredDocuments,
    searchText,
  };
}

async function providerFor(tx: Tx, actor: Actor, providerId: string): Promise<repo.ProviderRow> {
  if (!mayManageProvider(actor, providerId)) throw forbidden();
  const provider = await repo.findProvider(tx, providerId);
  if (!provider) throw errors.providerNotFound();
  return provider;
}

/**
 * The provider organisations the actor works for (its organisation-bound memberships), each with
 * the comuni it serves: where the provider's editor lets it offer a service.
 */
export async function listMyProviders(ctx: Context): Promise<ProviderOrganizationList> {
  const actor = requireActor(ctx);
  const ids = [...organizationReach(actor, 'catalog.manage').organizations];
  return withScope(ctx, 'catalog.manage', async (tx) => {
    const names = await comuneNames(ctx, tx);
    const rows = await repo.listProvidersByIds(tx, ids);
    return {
      items: rows.map((p) => ({
        id: p.organization_id,
        name: p.name,
        comuni: p.comuni_served
          .map((code) => ({ code, name: names.get(code) ?? code }))
          .sort((a, b) => a.name.localeCompare(b.name, 'it')),
      })),
    };
  });
}

/**
 * A provider proposes a service; it waits for the Ambito's moderation before it is public.
 * @throws 403 for another provider, 422 bad prices, unknown category or comuni outside the provider's territory.
 */
export async function createService(ctx: Context, input: ServiceInput): Promise<Service> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'catalog.manage', async (tx, scope) => {
    const provider = await providerFor(tx, actor, input.providerId);
    const values = await toServiceValues(ctx, tx, input, provider);
    assertInScope(scope, values.baseComuneCode, 'Comune');
    const id = await repo.insertService(tx, values, 'pending', actor.userId);
    await writeAudit(tx, ctx, {
      action: 'service.create',
      entityType: 'service',
      entityId: id,
      comune: values.baseComuneCode,
    });
    return presentService(actor, (await repo.findService(tx, id))!, await comuneNames(ctx, tx));
  });
}

/**
 * Changes a service. A change of price sends an approved service back to moderation; a rejected one
 * goes back to moderation on any change.
 * @throws 404 unknown or not visible, 409 stale version, 422 as createService.
 */
export async function updateService(ctx: Context, id: string, input: UpdateServiceBody): Promise<Service> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'catalog.manage', async (tx) => {
    const current = await repo.lockService(tx, id);
    if (!current || !mayManageService(actor, current)) throw errors.serviceNotFound();
    if (input.providerId !== current.provider_id) throw forbidden();
    const provider = await providerFor(tx, actor, current.provider_id);
    const values = await toServiceValues(ctx, tx, input, provider);
    const priceChanged =
      values.listPriceCents !== current.list_price_cents ||
      values.cappedPriceCents !== current.capped_price_cents;
    const status = current.status === 'approved' && !priceChanged ? 'approved' : 'pending';
    if (!(await repo.updateService(tx, id, input.version, values, status, actor.userId)))
      throw errors.staleService();
    await writeAudit(tx, ctx, {
      action: 'service.update',
      entityType: 'service',
      entityId: id,
      comune: values.baseComuneCode,
      details: { priceChanged, status },
    });
    return presentService(actor, (await repo.findService(tx, id))!, await comuneNames(ctx, tx));
  });
}

/**
 * The Ambito's administrator approves or rejects a pending service.
 * @throws 404 outside the moderator's territory, 409 when the service is not pending.
 */
export async function moderateService(ctx: Context, id: string, body: ModerationBody): Promise<Service> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'catalog.moderate', async (tx) => {
    const current = await repo.lockService(tx, id);
    if (!current || !mayModerate(actor, current)) throw errors.serviceNotFound();
    if (current.status !== 'pending') {
      throw errors.transitionNotAllowed(
        current.status,
        body.decision === 'approve' ? 'approvato' : 'rifiutato',
      );
    }
    if (body.decision === 'reject' && !body.note?.trim()) throw errors.reasonRequired();
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    await repo.setModeration(tx, id, status, body.note?.trim() || null, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'service.moderate',
      entityType: 'service',
      entityId: id,
      comune: current.base_comune_code,
      details: { decision: body.decision },
    });
    return presentService(actor, (await repo.findService(tx, id))!, await comuneNames(ctx, tx));
  });
}

/** The services of the actor's provider organisation(s), or (moderator) those waiting for moderation. */
export async function listManagedServices(
  ctx: Context,
  query: { status?: string; limit?: number; offset?: number },
): Promise<ServiceList> {
  const actor = requireActor(ctx);
  const canModerate = !scopeIsEmpty(scopeOf(actor, 'catalog.moderate'));
  const capability = canModerate ? 'catalog.moderate' : 'catalog.manage';
  return withScope(ctx, capability, async (tx) => {
    const providerIds = canModerate ? null : organizationsLimiting(actor, 'catalog.manage');
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const { rows, total } = await repo.listServices(tx, { providerIds, status: query.status ?? null }, page);
    const names = await comuneNames(ctx, tx);
    const visible = rows.filter((r) => mayManageService(actor, r) || mayModerate(actor, r));
    return { items: visible.map((r) => presentService(actor, r, names)), total };
  });
}

/**
 * A service's page: public once approved; before that only its provider and the moderators see it.
 * For a logged-in citizen: their price and the access point nearest to their comune.
 * @throws 404 when unknown or not visible.
 */
export async function getService(ctx: Context, id: string): Promise<Service> {
  const citizen = await currentCitizen(ctx);
  return publicTransaction(ctx, async (tx) => {
    const row = await repo.findService(tx, id);
    if (!row) throw errors.serviceNotFound();
    if (row.status !== 'approved' && !mayManageService(ctx.actor, row) && !mayModerate(ctx.actor, row)) {
      throw errors.serviceNotFound();
    }
    const comuni = await comuniIndex(ctx, tx);
    const priceForMe = citizen ? (await pricesFor(ctx, tx, citizen, [row])).get(row.id) : undefined;
    const originCode =
      citizen && row.comuni.includes(citizen.comuneCode) ? citizen.comuneCode : row.base_comune_code;
    const nearest = await nearestAccessPoint(tx, comuni.get(originCode) ?? null);
    return presentService(ctx.actor, row, new Map([...comuni].map(([c, v]) => [c, v.name])), {
      ...(priceForMe ? { priceForMe } : {}),
      nearestAccessPoint: nearest,
    });
  });
}

async function nearestAccessPoint(
  tx: Tx,
  origin: { latitude: number; longitude: number } | null,
): Promise<AccessPoint | null> {
  if (!origin) return null;
  const points = await repo.listAccessPoints(tx, { comune: null });
  const ranked = points.map((p) => ({ p, d: distanceKm(origin, p) })).sort((a, b) => a.d - b.d)[0];
  return ranked ? presentAccessPoint(ranked.p, ranked.d) : null;
}

// ---- search ---------------------------------------------------------------------------------

/** Finds a comune named in the query ("pasti a domicilio Crema"): the longest name wins. */
export function comuneInQuery(
  folded: string,
  comuni: Iterable<{ istat_code: string; name: string }>,
): { code: string; rest: string } | null {
  const padded = ` ${folded} `;
  let best: { code: string; name: string } | null = null;
  for (const c of comuni) {
    const name = foldSearchText(c.name);
    if (padded.includes(` ${name} `) && (!best || name.length > best.name.length))
      best = { code: c.istat_code, name };
  }
  if (!best) return null;
  return { code: best.code, rest: padded.replace(` ${best.name} `, ' ').trim() };
}

const MAX_PRICE_FILTER_CANDIDATES = 500;

/** The capacity period keys today falls in, for the "available now" filter. */
function todaysPeriods(): { day: string; week: string; month: string } {
  const today = dateInRome();
  return {
    day: periodKeyOf(today, 'day'),
    week: periodKeyOf(today, 'week'),
    month: periodKeyOf(today, 'month'),
  };
}

/**
 * Public search of approved services: Italian full-text search, filters, ranked by relevance and by
 * distance to the citizen's comune (or the comune searched). A logged-in citizen also gets their price.
 */
export async function searchServices(ctx: Context, query: ServiceSearchQuery): Promise<ServiceSearchPage> {
  const comuni = await comuniIndex(ctx);
  const citizen = await currentCitizen(ctx);
  let folded = foldSearchText(query.q ?? '');
  let comune = query.comune ?? null;
  if (!comune && folded) {
    const named = comuneInQuery(folded, comuni.values());
    if (named) {
      comune = named.code;
      folded = named.rest;
    }
  }
  const words = folded.split(' ').filter((w) => w.length >= 2);
  const originCode = citizen?.comuneCode ?? comune;
  const origin = originCode ? (comuni.get(originCode) ?? null) : null;
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const priceFilter = citizen && query.maxPriceForMeCents !== undefined ? query.maxPriceForMeCents : null;
  return publicTransaction(ctx, async (tx) => {
    const filter = {
      words,
      mode: 'all' as 'all' | 'any' | 'similar',
      comune,
      category: query.category ?? null,
      target: query.target ?? null,
      municipal: query.municipal ?? null,
      origin,
      availableIn: query.available ? todaysPeriods() : null,
    };
    const page = priceFilter === null ? { limit, offset } : { limit: MAX_PRICE_FILTER_CANDIDATES, offset: 0 };
    let found = await repo.searchServices(tx, filter, page);
    // Nothing has every word: fall back to services with any of them, still ranked.
    if (found.total === 0 && words.length > 1)
      found = await repo.searchServices(tx, { ...filter, mode: 'any' }, page);
    // Still nothing: the words may be misspelt ("badnate"); match them by trigram similarity.
    if (found.total === 0 && words.length > 0) {
      await repo.allowTypos(tx);
      found = await repo.searchServices(tx, { ...filter, mode: 'similar' }, page);
    }
    const prices = citizen ? await pricesFor(ctx, tx, citizen, found.rows) : null;
    let rows = found.rows;
    let total = found.total;
    if (priceFilter !== null && prices) {
      rows = rows.filter((r) => prices.get(r.id)!.unitCents <= priceFilter);
      total = rows.length;
      rows = rows.slice(offset, offset + limit);
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        providerName: r.provider_name,
        categoryId: r.category_id,
        categoryName: r.category_name,
        unit: r.unit,
        isMunicipal: r.is_municipal,
        targetGroups: r.target_groups,
        listPriceCents: r.list_price_cents,
        cappedPriceCents: r.capped_price_cents,
        ...(prices ? { priceForMeCents: prices.get(r.id)!.unitCents } : {}),
        distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10,
      })),
      total,
    };
  });
}

// ---- tariff rules ---------------------------------------------------------------------------

/**
 * Sets a comune's or an Ambito's tariff for a service or a category, retiring the one it replaces.
 * @throws 403 without tariff.manage, 404 a territory outside the actor's, 422 invalid rule.
 */
export async function setTariffRule(ctx: Context, input: TariffRuleInput): Promise<TariffRuleView> {
  const actor = requireActor(ctx);
  const serviceId = input.serviceId ?? null;
  const categoryId = input.categoryId ?? null;
  if ((serviceId === null) === (categoryId === null)) throw errors.tariffTargetRequired();
  validateTariffRule(input.rule);
  const comuni = await comuniIndex(ctx);
  const covered =
    input.scopeType === 'comune'
      ? comuni.has(input.scopeId)
        ? [input.scopeId]
        : []
      : [...comuni.values()].filter((c) => c.ambito_id === input.scopeId).map((c) => c.istat_code);
  if (covered.length === 0) throw errors.tariffScopeUnknown();
  return withScope(ctx, 'tariff.manage', async (tx, scope) => {
    for (const code of covered) assertInScope(scope, code, 'Territorio');
    if (serviceId && !(await repo.findService(tx, serviceId))) throw errors.serviceNotFound();
    if (categoryId && !(await repo.findTerm(tx, categoryId))) throw errors.unknownCategory();
    const id = await repo.replaceTariffRule(
      tx,
      { ...input, serviceId, categoryId, source: input.source ?? null },
      actor.userId,
    );
    await writeAudit(tx, ctx, {
      action: 'tariff.create',
      entityType: 'tariff_rule',
      entityId: id,
      comune: input.scopeType === 'comune' ? input.scopeId : null,
      details: { scopeType: input.scopeType, scopeId: input.scopeId, serviceId, categoryId },
    });
    const [row] = (await repo.listTariffRules(tx, { scopeIds: [input.scopeId] })).filter((r) => r.id === id);
    return presentTariffRule(row!);
  });
}

/**
 * What citizens with a verified, current ISEE of this type and these values would pay under a
 * draft rule, computed by the tariff engine itself (nothing is read or saved).
 * @throws 403 without tariff.manage, 422 invalid rule.
 */
export function previewTariff(ctx: Context, input: TariffPreviewInput): TariffPreview {
  authorize(ctx, 'tariff.manage');
  validateTariffRule(input.rule);
  const today = dateInRome();
  const price = (declarations: IseeFacts[]) => computeTariff(input.rule, declarations, today);
  return {
    noIseeCents: price([]).unitCents,
    points: input.iseeValuesCents.map((valueCents) => {
      const outcome = price([
        { type: input.iseeType, valueCents, issuedOn: today, expiresOn: today, verified: true },
      ]);
      return {
        iseeValueCents: valueCents,
        unitCents: outcome.unitCents,
        basis: outcome.basis,
        band: outcome.band,
      };
    }),
  };
}

/** The current tariff rules of the actor's territory. */
export async function listTariffRules(ctx: Context): Promise<TariffRuleView[]> {
  return withScope(ctx, 'tariff.manage', async (tx, scope) => {
    const rows = await repo.listTariffRules(tx, { scopeIds: null });
    const comuni = await comuniIndex(ctx, tx);
    return rows
      .filter((r) =>
        r.scope_type === 'comune'
          ? scopeCovers(scope, r.scope_id)
          : [...comuni.values()].some((c) => c.ambito_id === r.scope_id && scopeCovers(scope, c.istat_code)),
      )
      .map(presentTariffRule);
  });
}

// ---- ISEE -----------------------------------------------------------------------------------

/**
 * A person's ISEE declarations: economic data, for roles with isee.read; the read is audited.
 * @throws 403 without isee.read, 404 a person outside the territory.
 */
export async function listPersonIsee(ctx: Context, personId: string): Promise<IseeDeclaration[]> {
  return withScope(ctx, 'isee.read', async (tx, scope) => {
    const person = await findPerson(tx, personId);
    if (!person) throw errors.personNotFound();
    assertInScope(scope, person.comune_code, 'Persona');
    const rows = await repo.listIsee(tx, personId);
    await writeAudit(tx, ctx, {
      action: 'isee.read',
      entityType: 'person',
      entityId: personId,
      comune: person.comune_code,
      details: { declarations: rows.length },
    });
    const today = dateInRome();
    return rows.map((r) => presentIsee(r, today));
  });
}

/**
 * Records an ISEE declaration on a person. Verified at once when the writer may verify (a social
 * worker who saw the attestation); otherwise it waits for verification.
 * @throws 403, 404 as listPersonIsee; 409 same DSU twice; 422 dates.
 */
export async function addPersonIsee(
  ctx: Context,
  personId: string,
  input: IseeInput,
): Promise<IseeDeclaration> {
  const actor = requireActor(ctx);
  if (input.expiresOn < input.issuedOn) throw errors.iseeDatesInvalid();
  try {
    return await withScope(ctx, 'isee.write', async (tx, scope) => {
      const person = await findPerson(tx, personId);
      if (!person) throw errors.personNotFound();
      assertInScope(scope, person.comune_code, 'Persona');
      const verifier = scopeCovers(scopeOf(actor, 'isee.verify'), person.comune_code) ? actor.userId : null;
      const id = await repo.insertIsee(
        tx,
        {
          ...input,
          dsuProtocol: input.dsuProtocol.trim().toUpperCase(),
          personId,
          comuneCode: person.comune_code,
          verifiedBy: verifier,
        },
        actor.userId,
      );
      await writeAudit(tx, ctx, {
        action: 'isee.create',
        entityType: 'isee',
        entityId: id,
        comune: person.comune_code,
        details: { personId, iseeType: input.iseeType, verified: verifier !== null },
      });
      return presentIsee((await repo.findIsee(tx, id))!, dateInRome());
    });
  } catch (error) {
    if (databaseErrorOf(error)?.code === '23505') throw errors.iseeDuplicate();
    throw error;
  }
}

/**
 * Marks a declaration as verified against the INPS attestation.
 * @throws 403 without isee.verify, 404 outside the territory.
 */
export async function verifyIsee(ctx: Context, id: string): Promise<IseeDeclaration> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'isee.verify', async (tx, scope) => {
    const row = await repo.findIsee(tx, id);
    if (!row) throw errors.iseeNotFound();
    assertInScope(scope, row.comune_code, 'Dichiarazione ISEE');
    await repo.verifyIsee(tx, id, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'isee.verify',
      entityType: 'isee',
      entityId: id,
      comune: row.comune_code,
    });
    return presentIsee((await repo.findIsee(tx, id))!, dateInRome());
  });
}

/** The logged-in citizen's own declarations. */
export async function listMyIsee(ctx: Context): Promise<IseeDeclaration[]> {
  const actor = requireActor(ctx);
  const scope = authorize(ctx, 'order.own');
  if (!actor.personId) throw errors.noPersonRecord();
  return withExplicitScope(ctx, scope, async (tx) => {
    const today = dateInRome();
    return (await repo.listIsee(tx, actor.personId!)).map((r) => presentIsee(r, today));
  });
}

// ---- orientation notes ----------------------------------------------------------------------

function presentOrientationNote(row: repo.OrientationNoteRow): OrientationNote {
  return {
    id: row.id,
    personId: row.person_id,
    note: row.note,
    accessPointName: row.access_point_name,
    authorName: row.author_name,
    createdAt: row.created_at,
  };
}

/**
 * The orientation notes the welfare managers left on a person; the read is audited.
 * @throws 403 without order.assist, 404 a person outside the territory.
 */
export async function listOrientationNotes(
  ctx: Context,
  personId: string,
): Promise<{ items: OrientationNote[] }> {
  return withScope(ctx, 'order.assist', async (tx, scope) => {
    const person = await findPerson(tx, personId);
    if (!person) throw errors.personNotFound();
    assertInScope(scope, person.comune_code, 'Persona');
    const rows = await repo.listOrientationNotes(tx, personId);
    await writeAudit(tx, ctx, {
      action: 'orientation.read',
      entityType: 'person',
      entityId: personId,
      comune: person.comune_code,
      details: { notes: rows.length },
    });
    return { items: rows.map(presentOrientationNote) };
  });
}

/**
 * A welfare manager notes the orientation given to a person, at an access point where they work.
 * @throws 403 without order.assist or at another access point, 404 a person outside the territory,
 * 422 a blank note.
 */
export async function addOrientationNote(
  ctx: Context,
  personId: string,
  input: OrientationNoteInput,
): Promise<OrientationNote> {
  const actor = requireActor(ctx);
  const note = input.note.trim();
  if (note.length < 3) throw errors.orientationNoteBlank();
  return withScope(ctx, 'order.assist', async (tx, scope) => {
    const person = await findPerson(tx, personId);
    if (!person) throw errors.personNotFound();
    assertInScope(scope, person.comune_code, 'Persona');
    const accessPointId = input.accessPointId ?? null;
    if (accessPointId && !(await repo.isAccessPointStaff(tx, accessPointId, actor.userId)))
      throw errors.notStaffOfAccessPoint();
    const id = await repo.insertOrientationNote(
      tx,
      { personId, comuneCode: person.comune_code, accessPointId, note },
      actor.userId,
    );
    await writeAudit(tx, ctx, {
      action: 'orientation.create',
      entityType: 'orientation_note',
      entityId: id,
      comune: person.comune_code,
      details: { personId, accessPointId },
    });
    const [row] = (await repo.listOrientationNotes(tx, personId)).filter((r) => r.id === id);
    return presentOrientationNote(row!);
  });
}

// ---- access points --------------------------------------------------------------------------

export async function listAccessPoints(
  ctx: Context,
  query: { comune?: string },
): Promise<{ items: AccessPoint[] }> {
  const rows = await publicTransaction(ctx, (tx) =>
    repo.listAccessPoints(tx, { comune: query.comune ?? null }),
  );
  return { items: rows.map((r) => presentAccessPoint(r)) };
}

/** The access points where the logged-in welfare manager works. */
export async function listMyAccessPoints(ctx: Context): Promise<{ items: AccessPoint[] }> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'order.assist', async (tx) => ({
    items: (await repo.accessPointsOfStaff(tx, actor.userId)).map((r) => presentAccessPoint(r)),
  }));
}
