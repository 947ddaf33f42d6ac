import { createHash } from 'node:crypto';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import type { TariffBand, TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';
import * as repo from './catalog.repository.js';
import { providerNotFound, serviceNotFound } from './catalog.errors.js';
import { comuniIndex, foldSearchText, publicTransaction } from './catalog.service.js';

/*
 * Open Referral HSDS 3.0, read-only, public: approved services only. Field names, paths and paging
 * follow the standard's schema/openapi.json (tag v3.0). Tariff bands become cost_options. Entities
 * without a uuid of their own in Legami (taxonomy terms, service areas, schedules…) get a stable
 * name-based uuid, so the same record keeps the same id across calls.
 */

type Json = Record<string, unknown>;

/** A deterministic uuid (SHA-1 name-based, version 5 layout) for a record without one. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(`legami:${name}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const UNIT_IT: Record<string, string> = {
  hour: 'all’ora',
  meal: 'a pasto',
  trip: 'a viaggio',
  session: 'a seduta',
  month: 'al mese',
  service: 'a prestazione',
};

const euro = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** The same as page_number, for clients that read `page`. */
  page: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

export interface PageQuery {
  page?: number;
  per_page?: number;
}

function pageOf(items: Json[], total: number, page: number, perPage: number): HsdsPage {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    page,
    size: items.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: items.length === 0,
    contents: items,
  };
}

function paging(query: PageQuery): { page: number; perPage: number; offset: number } {
  const page = Math.max(1, query.page ?? 1);
  const perPage = Math.min(100, Math.max(1, query.per_page ?? 20));
  return { page, perPage, offset: (page - 1) * perPage };
}

function termJson(t: repo.TermRow): Json {
  return {
    id: stableUuid(`term:${t.id}`),
    code: t.id,
    name: t.name_it,
    description: t.description,
    ...(t.parent_id ? { parent_id: stableUuid(`term:${t.parent_id}`) } : {}),
    taxonomy: t.taxonomy_id,
    language: 'it',
    taxonomy_id: stableUuid(`taxonomy:${t.taxonomy_id}`),
  };
}

function organizationJson(
  p: Pick<repo.ProviderRow, 'organization_id' | 'name' | 'description' | 'email' | 'website' | 'tax_code'>,
): Json {
  return {
    id: p.organization_id,
    name: p.name,
    description: p.description || p.name,
    ...(p.email ? { email: p.email } : {}),
    ...(p.website ? { website: p.website } : {}),
    ...(p.tax_code ? { tax_id: p.tax_code } : {}),
  };
}

function bandOption(band: TariffBand): string {
  const from = `${band.fromInclusive ? 'da' : 'oltre'} ${euro(band.fromCents)}`;
  const to = band.toCents === null ? '' : ` ${band.toInclusive ? 'fino a' : 'sotto'} ${euro(band.toCents)}`;
  return `ISEE ${from}${to}`;
}

function bandAmount(band: TariffBand): { amount: number; description: string } {
  if (band.price.kind === 'free') return { amount: 0, description: 'gratuito' };
  if (band.price.kind === 'fixed') return { amount: band.price.cents / 100, description: 'tariffa fissa' };
  return {
    amount: band.price.minCents / 100,
    description: `tariffa lineare da ${euro(band.price.minCents)} a ${euro(band.price.maxCents)} secondo l’ISEE`,
  };
}

/** A service's prices as HSDS cost options: list and capped price, then each territory's tariff bands. */
function costOptions(
  service: repo.ServiceRow,
  rules: repo.TariffRuleRow[],
  comuneName: (code: string) => string,
): Json[] {
  const unit = UNIT_IT[service.unit] ?? '';
  const option = (
    key: string,
    text: string,
    amount: number,
    description: string,
    validFrom?: string,
  ): Json => ({
    id: stableUuid(`cost:${service.id}:${key}`),
    service_id: service.id,
    ...(validFrom ? { valid_from: validFrom } : {}),
    option: text,
    currency: 'EUR',
    amount,
    amount_description: `${description} ${unit}`.trim(),
  });
  const options: Json[] = [
    option('list', 'Prezzo di listino', service.list_price_cents / 100, 'prezzo pieno'),
    option('capped', 'Prezzo calmierato', service.capped_price_cents / 100, 'prezzo calmierato del catalogo'),
  ];
  for (const r of rules) {
    const territory =
      r.scope_type === 'comune' ? `Comune di ${comuneName(r.scope_id)}` : `Ambito ${r.scope_id}`;
    const rule: TariffRule = r.rule;
    const validFrom = r.created_at.slice(0, 10);
    rule.bands.forEach((band, i) => {
      const { amount, description } = bandAmount(band);
      options.push(
        option(`${r.id}:${i}`, `${territory} – ${bandOption(band)}`, amount, description, validFrom),
      );
    });
    options.push(
      option(
        `${r.id}:full`,
        `${territory} – oltre l’ultima fascia ISEE`,
        rule.fullTariffCents / 100,
        'tariffa piena',
        validFrom,
      ),
    );
    if (rule.noIseeCents !== null) {
      options.push(
        option(
          `${r.id}:none`,
          `${territory} – senza ISEE`,
          rule.noIseeCents / 100,
          'senza attestazione ISEE',
          validFrom,
        ),
      );
    }
  }
  return options;
}

interface Related {
  rules: repo.TariffRuleRow[];
  terms: Map<string, repo.TermRow>;
  comuni: Map<string, repo.ComuneRow>;
  accessPoints: repo.AccessPointRow[];
  providers: Map<string, repo.ProviderRow>;
}

async function related(ctx: Context, tx: Tx, services: repo.ServiceRow[]): Promise<Related> {
  const terms = new Map((await repo.listTerms(tx)).map((t) => [t.id, t]));
  const categoryIds = [
    ...new Set(
      services.flatMap((s) => [s.category_id, terms.get(s.category_id)?.parent_id ?? s.category_id]),
    ),
  ];
  const providers = new Map<string, repo.ProviderRow>();
  for (const id of new Set(services.map((s) => s.provider_id))) {
    const p = await repo.findProvider(tx, id);
    if (p) providers.set(id, p);
  }
  return {
    rules: await repo.rulesForServices(
      tx,
      services.map((s) => s.id),
      categoryIds,
    ),
    terms,
    comuni: await comuniIndex(ctx, tx),
    accessPoints: await repo.listAccessPoints(tx, { comune: null }),
    providers,
  };
}

function locationJson(a: repo.AccessPointRow, comuni: Map<string, repo.ComuneRow>): Json {
  return {
    id: a.id,
    location_type: 'physical',
    organization_id: a.organization_id,
    name: a.name,
    description: `Sportello di prossimità (${a.kind === 'public' ? 'pubblico' : 'privato'})${a.neighbourhood ? ` – ${a.neighbourhood}` : ''}`,
    latitude: a.latitude,
    longitude: a.longitude,
    addresses: [
      {
        id: stableUuid(`address:${a.id}`),
        location_id: a.id,
        address_1: a.address,
        city: comuni.get(a.comune_code)?.name ?? a.comune_name,
        state_province: 'CR',
        postal_code: '',
        country: 'IT',
        address_type: 'physical',
      },
    ],
  };
}

function serviceAtLocations(service: repo.ServiceRow, rel: Related): Json[] {
  return rel.accessPoints
    .filter((a) => service.comuni.includes(a.comune_code))
    .map((a) => ({
      id: stableUuid(`sal:${service.id}:${a.id}`),
      service_id: service.id,
      location_id: a.id,
      description: `Prenotazione assistita di «${service.name}» presso ${a.name}`,
      location: locationJson(a, rel.comuni),
    }));
}

/** One service as HSDS: `full` adds the nested organisation, areas, costs, documents, taxonomy and locations. */
function serviceJson(service: repo.ServiceRow, rel: Related, full: boolean): Json {
  const base: Json = {
    id: service.id,
    organization_id: service.provider_id,
    name: service.name,
    description: service.description,
    ...(service.provider_email ? { email: service.provider_email } : {}),
    ...(service.provider_website ? { url: service.provider_website } : {}),
    status: 'active',
    application_process:
      'Prenotazione online sul catalogo Legami o, con l’aiuto di un welfare manager, presso uno sportello di prossimità.',
    fees_description: `Prezzo di listino ${euro(service.list_price_cents)}, prezzo calmierato ${euro(service.capped_price_cents)} ${UNIT_IT[service.unit] ?? ''}; per i residenti dei comuni con tariffe ISEE il prezzo dipende dalla fascia.`,
    eligibility_description: service.municipal_program
      ? {
          saap: 'Alunni con disabilità certificata iscritti a scuola.',
          disabled_transport: 'Persone con disabilità certificata.',
          conciliazione: 'Famiglie con almeno un genitore che lavora.',
        }[service.municipal_program]
      : `Destinatari: ${service.target_groups.join(', ') || 'tutti'}.`,
    last_modified: new Date(service.updated_at).toISOString(),
  };
  if (!full) return base;
  const term = rel.terms.get(service.category_id);
  const provider = rel.providers.get(service.provider_id);
  const comuneName = (code: string) => rel.comuni.get(code)?.name ?? code;
  return {
    ...base,
    schedules: service.schedule
      ? [
          {
            id: stableUuid(`schedule:${service.id}`),
            service_id: service.id,
            description: service.schedule,
            timezone: 1,
          },
        ]
      : [],
    service_areas: service.comuni.map((code) => ({
      id: stableUuid(`area:${service.id}:${code}`),
      service_id: service.id,
      name: comuneName(code),
      description: `Comune di ${comuneName(code)} (ISTAT ${code})`,
      extent_type: 'name',
      extent: code,
    })),
    service_at_locations: serviceAtLocations(service, rel),
    languages: [
      { id: stableUuid(`language:${service.id}:it`), service_id: service.id, name: 'Italiano', code: 'it' },
    ],
    ...(provider ? { organization: organizationJson(provider) } : {}),
    cost_options: costOptions(
      service,
      rel.rules.filter(
        (r) =>
          r.service_id === service.id ||
          r.category_id === service.category_id ||
          (term?.parent_id && r.category_id === term.parent_id),
      ),
      comuneName,
    ),
    required_documents: service.required_documents.map((document, i) => ({
      id: stableUuid(`document:${service.id}:${i}`),
      service_id: service.id,
      document,
    })),
    attributes: term
      ? [
          {
            id: stableUuid(`attribute:${service.id}:${term.id}`),
            link_id: service.id,
            taxonomy_term_id: stableUuid(`term:${term.id}`),
            link_type: 'service_category',
            link_entity: 'service',
            taxonomy_term: termJson(term),
          },
        ]
      : [],
  };
}

export async function listHsdsServices(
  ctx: Context,
  query: PageQuery & { search?: string; taxonomy_term_id?: string; organization_id?: string; full?: boolean },
): Promise<HsdsPage> {
  const { page, perPage, offset } = paging(query);
  return publicTransaction(ctx, async (tx) => {
    const terms = await repo.listTerms(tx);
    const category = query.taxonomy_term_id
      ? (terms.find(
          (t) => stableUuid(`term:${t.id}`) === query.taxonomy_term_id || t.id === query.taxonomy_term_id,
        )?.id ?? '__none__')
      : null;
    const words = foldSearchText(query.search ?? '')
      .split(' ')
      .filter((w) => w.length >= 2);
    const found = await repo.searchServices(
      tx,
      { words, mode: 'all', comune: null, category, target: null, municipal: null, origin: null },
      { limit: perPage, offset },
      query.organization_id ?? null,
    );
    const rel = await related(ctx, tx, found.rows);
    return pageOf(
      found.rows.map((s) => serviceJson(s, rel, query.full === true)),
      found.total,
      page,
      perPage,
    );
  });
}

export async function getHsdsService(ctx: Context, id: string): Promise<Json> {
  return publicTransaction(ctx, async (tx) => {
    const service = await repo.findService(tx, id);
    if (!service || service.status !== 'approved') throw serviceNotFound();
    return serviceJson(service, await related(ctx, tx, [service]), true);
  });
}

export async function listHsdsOrganizations(ctx: Context, query: PageQuery): Promise<HsdsPage> {
  const { page, perPage, offset } = paging(query);
  return publicTransaction(ctx, async (tx) => {
    const { rows, total } = await repo.listProviders(tx, { limit: perPage, offset });
    return pageOf(rows.map(organizationJson), total, page, perPage);
  });
}

export async function getHsdsOrganization(ctx: Context, id: string): Promise<Json> {
  return publicTransaction(ctx, async (tx) => {
    const provider = await repo.findProvider(tx, id);
    const services = provider
      ? await repo.listServices(tx, { providerIds: [id], approvedOnly: true }, { limit: 200, offset: 0 })
      : null;
    if (!provider || !services || services.total === 0) throw providerNotFound();
    const rel = await related(ctx, tx, services.rows);
    return { ...organizationJson(provider), services: services.rows.map((s) => serviceJson(s, rel, false)) };
  });
}

export async function listHsdsServiceAtLocations(ctx: Context, query: PageQuery): Promise<HsdsPage> {
  const { page, perPage, offset } = paging(query);
  return publicTransaction(ctx, async (tx) => {
    const services = await repo.listServices(tx, { approvedOnly: true }, { limit: 10_000, offset: 0 });
    const rel = await related(ctx, tx, []);
    const all = services.rows.flatMap((s) => serviceAtLocations(s, rel));
    return pageOf(all.slice(offset, offset + perPage), all.length, page, perPage);
  });
}

export async function listHsdsTaxonomies(ctx: Context, query: PageQuery): Promise<HsdsPage> {
  const { page, perPage, offset } = paging(query);
  return publicTransaction(ctx, async (tx) => {
    const all = (await repo.listTaxonomies(tx)).map((t) => ({
      id: stableUuid(`taxonomy:${t.id}`),
      name: t.name,
      description: t.description,
      ...(t.uri ? { uri: t.uri } : {}),
      version: t.version,
    }));
    return pageOf(all.slice(offset, offset + perPage), all.length, page, perPage);
  });
}

export async function listHsdsTaxonomyTerms(ctx: Context, query: PageQuery): Promise<HsdsPage> {
  const { page, perPage, offset } = paging(query);
  return publicTransaction(ctx, async (tx) => {
    const all = (await repo.listTerms(tx)).map(termJson);
    return pageOf(all.slice(offset, offset + perPage), all.length, page, perPage);
  });
}
