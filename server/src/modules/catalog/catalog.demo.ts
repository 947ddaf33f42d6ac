import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type { TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';
import { insertUserWithMembership } from '../accounts/index.js';
import { insertOrganization } from '../organizations/organizations.repository.js';
import * as repo from './catalog.repository.js';
import { buildNoticeNumber, iuvBaseOf } from './catalog.pagopa.js';
import { priceForCitizen, type IseeFacts } from './catalog.tariff.js';
import { serviceSearchText } from './catalog.service.js';
import { periodKeyOf } from './catalog.orders.rules.js';

/*
 * Demo catalogue of WelfareXCremona (seed 001): the platform run by Consorzio Sol.Co with CGM and
 * CGMoving and the Comune di Cremona. Providers are the cooperatives named in the seeds (Sol.Co,
 * the Igea partnership of seed 002 with Meraki, Sentiero and the Fondazione Brunenghi, adherents of
 * Fare Legami in seed 004); the services, prices and access points are made up for the demo.
 * Tariffs: the Ambito Cremasco's 2021 home-care bands (La Provincia di Cremona, 23 Jan 2021) and, for
 * Cremona, the Cassano d'Adda home-care schedule applied as an example (Cremona's own is not in the seeds).
 */

const CREMONA = '019036';
const CREMA = '019035';
const COMUNE_CR = 'Comune di Cremona – Settore Politiche Sociali';

/*
 * The demo's providers, services and access points are tables, one row each, in demo-data/*.csv
 * (lists inside a cell separated by «|»). A comuni cell is an Ambito id (CREMONA, CREMA: all its
 * comuni) or ISTAT codes; prices in cents; municipal is empty, «yes» or the municipal programme
 * whose eligibility rules apply (saap, disabled_transport, conciliazione); opening hours are
 * «1-5 09:00-12:30» (ISO weekdays). Providers with no kind are organisations demo.data.ts creates.
 */
const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'demo-data');

function readTable<C extends string>(file: string, columns: readonly C[]): Record<C, string>[] {
  const rows = parse(readFileSync(join(DATA_DIR, file)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  rows.forEach((row, i) => {
    const missing = columns.filter((c) => row[c] === undefined);
    if (missing.length > 0) throw new Error(`${file}, riga ${i + 2}: mancano ${missing.join(', ')}`);
  });
  return rows as Record<C, string>[];
}

const list = (cell: string) => (cell === '' ? [] : cell.split('|'));
/** An Ambito id, or ISTAT codes. */
type Scope = string | string[];
const scopeOf = (cell: string): Scope => (/^\d{6}(\|\d{6})*$/.test(cell) ? list(cell) : cell);

const PROVIDERS = readTable('providers.csv', [
  'name',
  'kind',
  'ambito_id',
  'comune_code',
  'serves',
  'segregation_code',
  'description',
] as const).map((r) => ({
  name: r.name,
  /** Null for an organisation the demo already has. */
  kind: (r.kind || null) as 'social_cooperative' | 'company' | 'comune' | 'foundation' | null,
  ambitoId: r.ambito_id || null,
  comuneCode: r.comune_code || null,
  serves: scopeOf(r.serves),
  segregationCode: r.segregation_code,
  description: r.description,
}));

const UNITS = ['hour', 'meal', 'trip', 'session', 'month', 'service'] as const;
const PERIODS = ['day', 'week', 'month'] as const;
const PROGRAMS = ['saap', 'disabled_transport', 'conciliazione'] as const;

const SERVICES = readTable('services.csv', [
  'provider',
  'category',
  'name',
  'unit',
  'list_price_cents',
  'capped_price_cents',
  'capacity',
  'capacity_period',
  'municipal',
  'comuni',
  'base_comune',
  'targets',
  'schedule',
  'documents',
  'description',
] as const).map((r, i) => {
  const unit = UNITS.find((u) => u === r.unit);
  const period = PERIODS.find((p) => p === r.capacity_period) ?? null;
  const program = PROGRAMS.find((p) => p === r.municipal) ?? null;
  if (!unit || (r.capacity !== '' && !period) || (r.municipal !== '' && r.municipal !== 'yes' && !program))
    throw new Error(`services.csv, riga ${i + 2}: unit, capacity_period o municipal non validi`);
  return {
    provider: r.provider,
    category: r.category,
    name: r.name,
    description: r.description,
    targets: list(r.targets),
    unit,
    listPriceCents: Number(r.list_price_cents),
    cappedPriceCents: Number(r.capped_price_cents),
    comuni: scopeOf(r.comuni),
    base: r.base_comune,
    schedule: r.schedule,
    capacity: r.capacity === '' ? null : Number(r.capacity),
    capacityPeriod: r.capacity === '' ? null : period,
    isMunicipal: r.municipal !== '',
    municipalProgram: program,
    documents: list(r.documents),
  };
});

// Five proximity access points in Cremona's neighbourhoods (addresses and coordinates approximate).
const ACCESS_POINTS = readTable('access-points.csv', [
  'name',
  'neighbourhood',
  'address',
  'latitude',
  'longitude',
  'organization',
  'kind',
  'opening_hours',
] as const).map((r) => ({
  name: r.name,
  neighbourhood: r.neighbourhood,
  address: r.address,
  latitude: Number(r.latitude),
  longitude: Number(r.longitude),
  organization: r.organization,
  kind: r.kind === 'public' ? ('public' as const) : ('private' as const),
  openingHours: list(r.opening_hours).flatMap((span) => {
    const [, first, last, from, to] = /^(\d)(?:-(\d))? (\d\d:\d\d)-(\d\d:\d\d)$/.exec(span) ?? [];
    if (!first) throw new Error(`access-points.csv: orario «${span}» non valido`);
    const days = Array.from(
      { length: Number(last ?? first) - Number(first) + 1 },
      (_, d) => Number(first) + d,
    );
    return days.map((day) => ({ day, from: from!, to: to! }));
  }),
}));

const euro = (e: number) => Math.round(e * 100);

/*
 * Ambito Cremasco, home care (SAD), tariff plan 2021 (La Provincia di Cremona, 23 Jan 2021): free up
 * to an ISEE of €3,000; €3,001–6,000; €6,000–20,000; full tariff above, "fino a 16 euro all'ora".
 * The article gives the 2021 increases (+€0.10, +€0.20, +€0.80 an hour, "di poco superiore al 5%"),
 * from which the hourly rates €2.00, €4.00 and €16.00 follow. The tariff tests check it band by band.
 */
export const AMBITO_CREMASCO_SAD_2021: TariffRule = {
  iseeTypes: ['sociosanitario', 'ordinario'],
  bands: [
    {
      fromCents: 0,
      fromInclusive: true,
      toCents: euro(3000),
      toInclusive: true,
      price: { kind: 'free' },
    },
    {
      fromCents: euro(3000),
      fromInclusive: false,
      toCents: euro(6000),
      toInclusive: true,
      price: { kind: 'fixed', cents: 200 },
    },
    {
      fromCents: euro(6000),
      fromInclusive: false,
      toCents: euro(20000),
      toInclusive: true,
      price: { kind: 'fixed', cents: 400 },
    },
  ],
  fullTariffCents: 1600,
  noIseeCents: null,
  invalidIsee: 'full_tariff',
};

/*
 * Cassano d'Adda, home care: free up to €3,000; €2–5 an hour (linear) up to €7,500; €5–18 an hour
 * up to €20,000; €18 above; €20 without an ISEE (or with one not valid).
 */
export const CASSANO_DADDA_SAD: TariffRule = {
  iseeTypes: ['sociosanitario', 'ordinario'],
  bands: [
    {
      fromCents: 0,
      fromInclusive: true,
      toCents: euro(3000),
      toInclusive: true,
      price: { kind: 'free' },
    },
    {
      fromCents: euro(3000),
      fromInclusive: false,
      toCents: euro(7500),
      toInclusive: true,
      price: { kind: 'linear', minCents: 200, maxCents: 500 },
    },
    {
      fromCents: euro(7500),
      fromInclusive: false,
      toCents: euro(20000),
      toInclusive: true,
      price: { kind: 'linear', minCents: 500, maxCents: 1800 },
    },
  ],
  fullTariffCents: 1800,
  noIseeCents: 2000,
  invalidIsee: 'no_isee_price',
};

const TARIFFS: {
  scopeType: 'comune' | 'ambito';
  scopeId: string;
  category: string;
  name: string;
  source: string;
  rule: TariffRule;
}[] = [
  {
    scopeType: 'ambito',
    scopeId: 'CREMA',
    category: 'assistenza_domiciliare',
    name: 'Assistenza domiciliare (SAD) – piano tariffario 2021 dell’Ambito Cremasco',
    source:
      'La Provincia di Cremona, 23 gennaio 2021: gratuito fino a 3.000 €; fasce 3.001–6.000 e 6.000–20.000 €; oltre, tariffa piena («fino a 16 euro all’ora»). Tariffe orarie ricavate dagli aumenti del 2021 (+0,10, +0,20, +0,80 €, poco più del 5%).',
    rule: AMBITO_CREMASCO_SAD_2021,
  },
  {
    scopeType: 'comune',
    scopeId: CREMONA,
    category: 'assistenza_domiciliare',
    name: 'Assistenza domiciliare – Cremona (esempio: schema del Comune di Cassano d’Adda)',
    source:
      'Schema tariffario del Comune di Cassano d’Adda applicato a titolo dimostrativo: gratuito fino a 3.000 €, 2–5 €/h lineare fino a 7.500 €, 5–18 €/h fino a 20.000 €, 18 € oltre, 20 € senza ISEE.',
    rule: CASSANO_DADDA_SAD,
  },
  {
    scopeType: 'comune',
    scopeId: CREMONA,
    category: 'pasti_domicilio',
    name: 'Pasti a domicilio – Cremona (tariffa dimostrativa)',
    source: 'Valori dimostrativi, non deliberati dal Comune di Cremona.',
    rule: {
      iseeTypes: ['ordinario'],
      bands: [
        {
          fromCents: 0,
          fromInclusive: true,
          toCents: euro(6000),
          toInclusive: true,
          price: { kind: 'fixed', cents: 250 },
        },
        {
          fromCents: euro(6000),
          fromInclusive: false,
          toCents: euro(15000),
          toInclusive: true,
          price: { kind: 'linear', minCents: 250, maxCents: 550 },
        },
      ],
      fullTariffCents: 700,
      noIseeCents: 700,
      invalidIsee: 'full_tariff',
    },
  },
  {
    scopeType: 'comune',
    scopeId: CREMA,
    category: 'pasti_domicilio',
    name: 'Pasti a domicilio – Crema (tariffa dimostrativa)',
    source: 'Valori dimostrativi, non deliberati dal Comune di Crema.',
    rule: {
      iseeTypes: ['ordinario'],
      bands: [
        {
          fromCents: 0,
          fromInclusive: true,
          toCents: euro(5000),
          toInclusive: false,
          price: { kind: 'fixed', cents: 300 },
        },
        {
          fromCents: euro(5000),
          fromInclusive: true,
          toCents: euro(18000),
          toInclusive: true,
          price: { kind: 'linear', minCents: 300, maxCents: 620 },
        },
      ],
      fullTariffCents: 720,
      noIseeCents: null,
      invalidIsee: 'full_tariff',
    },
  },
];

/**
 * Seeds the demo catalogue: providers, ≥ 40 approved services over every category, tariffs for
 * Crema and Cremona, five access points in Cremona (the demo welfare manager works at the first),
 * ISEE declarations on some demo people and a few orders. System job: bypasses the access layer.
 */
export async function seedCatalogDemo(
  tx: Tx,
  options: {
    organizationIdsByName: Map<string, string>;
    userIdsByRole: Map<string, string>;
    passwordHash: string;
  },
): Promise<{ serviceIdsByName: ReadonlyMap<string, string> }> {
  const orgs = options.organizationIdsByName;
  const comuni = await repo.listComuniRows(tx);
  const ofAmbito = (id: string) => comuni.filter((c) => c.ambito_id === id).map((c) => c.istat_code);
  const resolve = (scope: Scope) => (typeof scope === 'string' ? ofAmbito(scope) : scope);
  const names = new Map(comuni.map((c) => [c.istat_code, c.name]));

  for (const p of PROVIDERS) {
    if (p.kind && !orgs.has(p.name)) {
      orgs.set(
        p.name,
        await insertOrganization(tx, {
          name: p.name,
          kind: p.kind,
          ambitoId: p.ambitoId,
          comuneCode: p.comuneCode,
        }),
      );
    }
  }
  for (const p of PROVIDERS) {
    await repo.upsertProvider(tx, {
      organizationId: orgs.get(p.name)!,
      description: p.description,
      comuniServed: resolve(p.serves),
      segregationCode: p.segregationCode,
      creditorTaxCode: p.name === COMUNE_CR ? '00297960197' : null,
    });
  }

  const admin = options.userIdsByRole.get('amministratore') ?? null;
  const terms = new Map((await repo.listTerms(tx)).map((t) => [t.id, t]));
  const serviceIds = new Map<string, string>();
  for (const s of SERVICES) {
    const term = terms.get(s.category)!;
    const serviceComuni = resolve(s.comuni);
    const id = await repo.insertService(
      tx,
      {
        providerId: orgs.get(s.provider)!,
        categoryId: s.category,
        name: s.name,
        description: s.description,
        targetGroups: s.targets,
        comuni: serviceComuni,
        baseComuneCode: s.base,
        schedule: s.schedule,
        unit: s.unit,
        listPriceCents: s.listPriceCents,
        cappedPriceCents: s.cappedPriceCents,
        capacity: s.capacity,
        capacityPeriod: s.capacityPeriod,
        isMunicipal: s.isMunicipal,
        municipalProgram: s.municipalProgram,
        requiredDocuments: s.documents,
        searchText: serviceSearchText({
          name: s.name,
          description: s.description,
          term,
          targetGroups: s.targets,
          providerName: s.provider,
          isMunicipal: s.isMunicipal,
          baseComuneName: names.get(s.base) ?? '',
        }),
      },
      'approved',
      admin,
    );
    serviceIds.set(s.name, id);
  }
  for (const t of TARIFFS) {
    await repo.replaceTariffRule(
      tx,
      {
        scopeType: t.scopeType,
        scopeId: t.scopeId,
        serviceId: null,
        categoryId: t.category,
        name: t.name,
        source: t.source,
        rule: t.rule,
      },
      admin,
    );
  }
  const accessPointIds: string[] = [];
  for (const a of ACCESS_POINTS) {
    accessPointIds.push(
      await repo.insertAccessPoint(tx, {
        name: a.name,
        organizationId: orgs.get(a.organization)!,
        kind: a.kind,
        comuneCode: CREMONA,
        neighbourhood: a.neighbourhood,
        address: a.address,
        latitude: a.latitude,
        longitude: a.longitude,
        openingHours: a.openingHours,
        phone: '0372 407000',
        email: null,
      }),
    );
  }
  const manager = options.userIdsByRole.get('welfare_manager');
  if (manager) await repo.addAccessPointStaff(tx, accessPointIds[0]!, manager);

  await seedIseeAndOrders(tx, {
    serviceIds,
    accessPointId: accessPointIds[0]!,
    manager: manager ?? null,
    userIdsByRole: options.userIdsByRole,
    passwordHash: options.passwordHash,
  });
  return { serviceIdsByName: serviceIds };
}

async function seedIseeAndOrders(
  tx: Tx,
  o: {
    serviceIds: Map<string, string>;
    accessPointId: string;
    manager: string | null;
    userIdsByRole: Map<string, string>;
    passwordHash: string;
  },
): Promise<void> {
  const today = dateInRome();
  const year = today.slice(0, 4);
  const citizenUser = o.userIdsByRole.get('cittadino');
  const [citizen] = citizenUser
    ? await queryRows<{ person_id: string }>(
        tx,
        sql`SELECT person_id FROM users WHERE id = ${citizenUser} AND person_id IS NOT NULL`,
      )
    : [];
  const crema = await queryRows<{ id: string; given_name: string; family_name: string }>(
    tx,
    sql`SELECT id, given_name, family_name FROM people WHERE comune_code = ${CREMA} ORDER BY birth_date, id LIMIT 5`,
  );
  // A citizen of Crema with an account, so that Crema's prices can be tried as a citizen (Cremona's demo citizen sees Cremona's).
  const cremaCitizen = crema[4];
  if (cremaCitizen) {
    await insertUserWithMembership(
      tx,
      {
        email: 'cittadino.crema@demo.legami.it',
        fullName: `${cremaCitizen.given_name} ${cremaCitizen.family_name}`,
        passwordHash: o.passwordHash,
        mustChangePassword: false,
        isDemo: true,
        personId: cremaCitizen.id,
      },
      { organizationId: null, role: 'cittadino', scopeType: 'comune', scopeId: CREMA },
    );
  }
  const cremona = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM people WHERE comune_code = ${CREMONA} AND id <> ${citizen?.person_id ?? '00000000-0000-0000-0000-000000000000'} ORDER BY birth_date, id LIMIT 3`,
  );
  const social = o.userIdsByRole.get('assistente_sociale') ?? null;
  const declarations: {
    personId: string;
    comune: string;
    type: IseeFacts['type'];
    value: number;
    verified: boolean;
  }[] = [
    ...(citizen
      ? [
          {
            personId: citizen.person_id,
            comune: CREMONA,
            type: 'ordinario' as const,
            value: euro(8450.32),
            verified: true,
          },
        ]
      : []),
    ...(crema[0]
      ? [
          {
            personId: crema[0].id,
            comune: CREMA,
            type: 'sociosanitario' as const,
            value: euro(4820),
            verified: true,
          },
        ]
      : []),
    ...(crema[1]
      ? [
          {
            personId: crema[1].id,
            comune: CREMA,
            type: 'sociosanitario' as const,
            value: euro(12750),
            verified: true,
          },
        ]
      : []),
    ...(crema[2]
      ? [
          {
            personId: crema[2].id,
            comune: CREMA,
            type: 'ordinario' as const,
            value: euro(2600),
            verified: false,
          },
        ]
      : []),
    ...(cremaCitizen
      ? [
          {
            personId: cremaCitizen.id,
            comune: CREMA,
            type: 'ordinario' as const,
            value: euro(9800),
            verified: true,
          },
        ]
      : []),
    ...(cremona[0]
      ? [
          {
            personId: cremona[0].id,
            comune: CREMONA,
            type: 'sociosanitario' as const,
            value: euro(6100),
            verified: true,
          },
        ]
      : []),
  ];
  const facts = new Map<string, IseeFacts[]>();
  let n = 0;
  for (const d of declarations) {
    n += 1;
    await repo.insertIsee(
      tx,
      {
        personId: d.personId,
        comuneCode: d.comune,
        iseeType: d.type,
        valueCents: d.value,
        dsuProtocol: `INPS-ISEE-${year}-${String(41000 + n).padStart(9, '0')}A-00`,
        issuedOn: `${year}-01-${String(10 + n).padStart(2, '0')}`,
        expiresOn: `${year}-12-31`,
        verifiedBy: d.verified ? social : null,
      },
      social,
    );
    facts.set(d.personId, [
      {
        type: d.type,
        valueCents: d.value,
        issuedOn: `${year}-01-10`,
        expiresOn: `${year}-12-31`,
        verified: d.verified,
      },
    ]);
  }

  const orders: {
    service: string;
    personId: string | undefined;
    comune: string;
    quantity: number;
    status: 'requested' | 'confirmed' | 'delivered';
    paid: boolean;
    assisted?: boolean;
  }[] = [
    {
      service: 'Assistenza domiciliare anziani (SAD)',
      personId: crema[0]?.id,
      comune: CREMA,
      quantity: 8,
      status: 'confirmed',
      paid: true,
    },
    {
      service: 'Assistenza domiciliare anziani (SAD)',
      personId: crema[1]?.id,
      comune: CREMA,
      quantity: 6,
      status: 'requested',
      paid: true,
    },
    {
      service: 'Pasti a domicilio – Crema',
      personId: crema[2]?.id,
      comune: CREMA,
      quantity: 20,
      status: 'delivered',
      paid: true,
    },
    {
      service: 'Fisioterapia a domicilio',
      personId: crema[3]?.id,
      comune: CREMA,
      quantity: 4,
      status: 'requested',
      paid: false,
    },
    {
      service: 'Pasti a domicilio – Cremona',
      personId: citizen?.person_id,
      comune: CREMONA,
      quantity: 10,
      status: 'requested',
      paid: false,
    },
    {
      service: 'Assistenza domiciliare e igiene della persona',
      personId: cremona[0]?.id,
      comune: CREMONA,
      quantity: 10,
      status: 'requested',
      paid: true,
      assisted: true,
    },
  ];
  const creator = o.userIdsByRole.get('cittadino') ?? o.manager;
  if (!creator) return;
  for (const order of orders) {
    if (!order.personId) continue;
    const serviceId = o.serviceIds.get(order.service)!;
    const service = (await repo.findService(tx, serviceId))!;
    const rules = await repo.applicableRules(
      tx,
      order.comune,
      order.comune === CREMA ? 'CREMA' : 'CREMONA',
      [serviceId],
      [service.category_id],
    );
    const rule = rules.find((r) => r.scope_type === 'comune')?.rule ?? rules[0]?.rule ?? null;
    const outcome = priceForCitizen(service.capped_price_cents, rule, facts.get(order.personId) ?? [], today);
    const assisted = order.assisted === true && o.manager !== null;
    const id = await seedOrder(
      tx,
      {
        serviceId,
        personId: order.personId,
        comuneCode: order.comune,
        quantity: order.quantity,
        startDate: addDays(today, order.status === 'requested' ? 3 : -5),
        unitPriceCents: outcome.unitCents,
        tariff: {
          basis: outcome.basis,
          band: outcome.band,
          iseeStatus: outcome.isee.status,
          iseeType: outcome.isee.type,
        },
        assisted: assisted ? { accessPointId: o.accessPointId, by: o.manager! } : null,
      },
      assisted ? o.manager! : creator,
    );
    if (order.paid && outcome.unitCents > 0) {
      await repo.updateNotice(tx, id, 'paid', {
        receiptId: `DEV-DEMO-${id.slice(0, 8)}`,
        psp: 'PSP di sviluppo (simulato)',
        amountCents: outcome.unitCents * order.quantity,
      });
      await repo.setPaymentStatus(tx, id, 'paid');
    }
    if (order.status !== 'requested') await repo.setOrderStatus(tx, id, order.status, null);
  }
}

/**
 * An order as seeds (the demo, tests of other modules) record it: through the booking statement,
 * so capacity, the payment notice (development provider, non-municipal services with something to
 * pay) and the 'created' event are written as for a citizen's booking, at a unit price the seed
 * gives; no tariff lookup, no eligibility, no dates check, no audit.
 * @throws when the service is unknown or its capacity for the period is used up.
 */
export async function seedOrder(
  tx: Tx,
  o: {
    serviceId: string;
    personId: string;
    comuneCode: string;
    quantity: number;
    startDate: string;
    unitPriceCents: number;
    tariff: Record<string, unknown>;
    assisted: { accessPointId: string; by: string } | null;
    /** The provider's answer already given (default: still requested). */
    status?: 'confirmed' | 'delivered';
  },
  userId: string,
): Promise<string> {
  const service = await repo.findService(tx, o.serviceId);
  const provider = service && (await repo.findProvider(tx, service.provider_id));
  if (!service || !provider) throw new Error(`seedOrder: no service ${o.serviceId}`);
  const id = randomUUID();
  const total = o.unitPriceCents * o.quantity;
  const reason = `${service.name} – ordine ${id.slice(0, 8)}`.slice(0, 140);
  const notice =
    !service.is_municipal && total > 0
      ? {
          ...buildNoticeNumber(
            provider.segregation_code ?? '01',
            iuvBaseOf(BigInt(await repo.nextIuvSequence(tx))),
          ),
          provider: 'development',
          creditorTaxCode: provider.creditor_tax_code ?? provider.tax_code ?? '00000000000',
          dueDate: addDays(dateInRome(), 7),
          reason,
        }
      : null;
  const booked = await repo.insertBooking(
    tx,
    {
      id,
      serviceId: service.id,
      providerId: service.provider_id,
      personId: o.personId,
      comuneCode: o.comuneCode,
      quantity: o.quantity,
      startDate: o.startDate,
      periodKey: periodKeyOf(o.startDate, service.capacity_period),
      notes: null,
      unitPriceCents: o.unitPriceCents,
      cappedUnitPriceCents: service.capped_price_cents,
      totalCents: total,
      subsidyCents: (service.capped_price_cents - o.unitPriceCents) * o.quantity,
      tariff: o.tariff,
      eligibility: null,
      channel: o.assisted ? 'assisted' : 'online',
      accessPointId: o.assisted?.accessPointId ?? null,
      assistedBy: o.assisted?.by ?? null,
      idempotencyKey: null,
      capacity: service.capacity,
      notice,
    },
    userId,
    null,
  );
  if (!booked) throw new Error(`seedOrder: capacity of «${service.name}» used up`);
  if (o.status) await repo.setOrderStatus(tx, id, o.status, null);
  return id;
}
