import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Capability } from '../../features/session/SessionProvider';
import { RequireSession } from '../../features/session/RequireSession';
import { lazyPage } from '../../ui/lazyPage';

// Each page its own bundle, loaded on first visit (the access points' map weighs the most).
const BookServicePage = lazyPage(() => import('./BookServicePage'), 'BookServicePage', ['catalog']);
const CatalogSearchPage = lazyPage(() => import('./CatalogSearchPage'), 'CatalogSearchPage', ['catalog']);
const DeskPage = lazyPage(() => import('./DeskPage'), 'DeskPage', ['catalog']);
const ModerationPage = lazyPage(() => import('./ModerationPage'), 'ModerationPage', ['catalog']);
const MyOrdersPage = lazyPage(() => import('./MyOrdersPage'), 'MyOrdersPage', ['catalog']);
const OrderPage = lazyPage(() => import('./OrderPage'), 'OrderPage', ['catalog']);
const ProviderConsolePage = lazyPage(() => import('./ProviderConsolePage'), 'ProviderConsolePage', [
  'catalog',
]);
const ServiceEditorPage = lazyPage(() => import('./ServiceEditorPage'), 'ServiceEditorPage', ['catalog']);
const ServicePage = lazyPage(() => import('./ServicePage'), 'ServicePage', ['catalog']);
const TariffsPage = lazyPage(() => import('./TariffsPage'), 'TariffsPage', ['catalog']);
const AccessPointsPage = lazyPage(() => import('./AccessPointsPage'), 'AccessPointsPage', ['catalog']);

function guarded(element: ReactNode, capability?: Capability) {
  return <RequireSession capability={capability}>{element}</RequireSession>;
}

/**
 * The catalogue's pages (seed 001), registered by the app as one block: search, service pages
 * and access points are public; booking needs a session and the server decides who may book.
 */
export const catalogRoutes = (
  <>
    <Route path="/servizi" element={<CatalogSearchPage />} />
    <Route path="/servizi/:id" element={<ServicePage />} />
    <Route path="/servizi/:id/prenota" element={guarded(<BookServicePage />)} />
    <Route path="/ordini/:id" element={guarded(<OrderPage />)} />
    <Route path="/i-miei-ordini" element={guarded(<MyOrdersPage />, 'order.own')} />
    <Route path="/sportelli" element={<AccessPointsPage />} />
    <Route path="/sportello" element={guarded(<DeskPage />, 'order.assist')} />
    <Route path="/fornitore" element={guarded(<ProviderConsolePage />, 'order.fulfil')} />
    <Route path="/fornitore/servizi/nuovo" element={guarded(<ServiceEditorPage />, 'catalog.manage')} />
    <Route path="/fornitore/servizi/:id" element={guarded(<ServiceEditorPage />, 'catalog.manage')} />
    <Route path="/tariffe" element={guarded(<TariffsPage />, 'tariff.manage')} />
    <Route path="/moderazione-servizi" element={guarded(<ModerationPage />, 'catalog.moderate')} />
  </>
);
