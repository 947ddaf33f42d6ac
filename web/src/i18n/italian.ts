import { use } from 'react';
import { it, type CoreMessages, type Messages } from './it';

/** The namespaces that are not in the core dictionary: each comes with its module's file. */
export type LazyNamespace = Exclude<keyof Messages, keyof CoreMessages>;
type Loader = () => Promise<Partial<Messages>>;

const people: Loader = () => import('./people.it').then((m) => m.peopleIt);
const organizations: Loader = () => import('./organizations.it').then((m) => m.organizationsIt);
const admin: Loader = () => import('./admin.it').then((m) => m.adminIt);
const volunteers: Loader = () => import('./volunteers.it').then((m) => m.volunteersIt);

/** Where each module's Italian words are: one file may hold a few namespaces. */
const LOADERS: Record<LazyNamespace, Loader> = {
  person: people,
  fragility: people,
  people,
  peopleSearch: people,
  personForm: people,
  personDetail: people,
  personEdit: people,
  household: people,
  relations: people,
  organizations,
  organizationKinds: organizations,
  territory: () => import('./territory.it').then((m) => m.territoryIt),
  users: admin,
  audit: admin,
  rounds: () => import('./rounds.it').then((m) => m.roundsIt),
  requests: () => import('./requests.it').then((m) => m.requestsIt),
  tasks: () => import('./tasks.it').then((m) => m.tasksIt),
  volunteers,
  imports: volunteers,
  protocol: () => import('./protocol.it').then((m) => m.protocolIt),
  dashboard: () => import('./dashboard.it').then((m) => m.dashboardIt),
  funds: () => import('./funds.it').then((m) => ({ funds: m.fundsIt })),
  reports: () => import('./reports.it').then((m) => ({ reports: m.reportsIt })),
  vouchers: () => import('./vouchers.it').then((m) => ({ vouchers: m.vouchersIt })),
  goods: () => import('./goods.it').then((m) => ({ goods: m.goodsIt })),
  cases: () => import('./cases.it').then((m) => ({ cases: m.casesIt })),
  catalog: () => import('./catalog.it').then((m) => ({ catalog: m.catalogIt })),
  legalPages: () => import('./legal.it').then((m) => m.legalIt),
  pacts: () => import('./pacts.it').then((m) => ({ pacts: m.pactsIt })),
};

const arrived: Partial<Messages> = { ...it };
const fetching = new Map<Loader, Promise<void>>();

function fetchFile(loader: Loader): Promise<void> {
  let pending = fetching.get(loader);
  if (!pending) {
    pending = loader().then(
      (namespaces) => void Object.assign(arrived, namespaces),
      (error: unknown) => {
        // Offline or a new deploy: the next read tries again.
        fetching.delete(loader);
        throw error;
      },
    );
    fetching.set(loader, pending);
  }
  return pending;
}

/** Fetches namespaces before a page needs them (lazyPage), so it does not wait for them after its own code. */
export function preloadItalian(namespaces: readonly LazyNamespace[]): Promise<void> {
  return Promise.all(namespaces.map((namespace) => fetchFile(LOADERS[namespace]))).then(() => undefined);
}

function isLazy(key: string | symbol): key is LazyNamespace {
  return typeof key === 'string' && Object.hasOwn(LOADERS, key);
}

/**
 * The Italian dictionary as pages read it. The core is here from the start; a module's namespace
 * read before its file has arrived suspends the component reading it (React `use`, the page's
 * Suspense shows the loading state) and the file is fetched. Read the dictionary while rendering:
 * an event handler or effect reading a namespace no render has read finds it missing.
 */
export const italian = new Proxy(arrived, {
  get(target, key) {
    if (isLazy(key) && !Object.hasOwn(target, key)) use(fetchFile(LOADERS[key]));
    return Reflect.get(target, key);
  },
}) as Messages;

/** The whole Italian dictionary, every file fetched (the dictionaries' own tests). */
export async function completeItalian(): Promise<Messages> {
  await preloadItalian(Object.keys(LOADERS) as LazyNamespace[]);
  return arrived as Messages;
}
