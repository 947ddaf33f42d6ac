import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Capability } from '../../features/session/SessionProvider';
import { RequireSession } from '../../features/session/RequireSession';
import { BookServicePage } from './BookServicePage';
import { CatalogSearchPage } from './CatalogSearchPage';
import { DeskPage } from './DeskPage';
import { ModerationPage } from './ModerationPage';
import { MyOrdersPage } from './MyOrdersPage';
import { OrderPage } from './OrderPage';
import { ProviderConsolePage } from './ProviderConsolePage';
import { ServicePage } from './ServicePage';

// The map weighs more than the rest of the catalogue: loaded on first visit.
const AccessPointsPage = lazy(() =>
  import('./AccessPointsPage').then((m) => ({ default: m.AccessPointsPage })),
);

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
    <Route path="/moderazione-servizi" element={guarded(<ModerationPage />, 'catalog.moderate')} />
  </>
);
