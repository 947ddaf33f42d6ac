import { RedeemVoucherPage } from './pages/vouchers/RedeemVoucherPage';
import { lazy, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n/I18nProvider';
import { SessionProvider, type Capability } from './features/session/SessionProvider';
import { RequireSession, CHANGE_PASSWORD_PATH } from './features/session/RequireSession';
import { AppLayout } from './features/shell/AppLayout';
import { LoginPage } from './pages/auth/LoginPage';
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage';
import { HomePage } from './pages/home/HomePage';
import { PeopleSearchPage } from './pages/people/PeopleSearchPage';
import { PersonCreatePage } from './pages/people/PersonCreatePage';
import { PersonDetailPage } from './pages/people/PersonDetailPage';
import { PersonEditPage } from './pages/people/PersonEditPage';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage';
import { OrganizationCreatePage } from './pages/organizations/OrganizationCreatePage';
import { OrganizationDetailPage } from './pages/organizations/OrganizationDetailPage';
import { UsersPage } from './pages/users/UsersPage';
import { AuditPage } from './pages/audit/AuditPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { RequestsPage } from './pages/requests/RequestsPage';
import { RequestIntakePage } from './pages/requests/RequestIntakePage';
import { RequestDetailPage } from './pages/requests/RequestDetailPage';
import { TasksPage } from './pages/tasks/TasksPage';
import { TaskDetailPage } from './pages/tasks/TaskDetailPage';
import { MyTasksPage } from './pages/tasks/MyTasksPage';
import { VolunteerOfferPage } from './pages/volunteers/VolunteerOfferPage';
import { VolunteersPage } from './pages/volunteers/VolunteersPage';
import { VolunteerDetailPage } from './pages/volunteers/VolunteerDetailPage';
import { VolunteerImportPage } from './pages/volunteers/VolunteerImportPage';
import { ProtocolPage } from './pages/protocol/ProtocolPage';
import { InterventionTypesPage } from './pages/protocol/InterventionTypesPage';
import { AskHelpPage } from './pages/citizen/AskHelpPage';
import { MyRequestsPage } from './pages/citizen/MyRequestsPage';
import { MyRoundPage } from './pages/rounds/MyRoundPage';
import { PublicHomePage } from './pages/public/PublicHomePage';
import { NotRegisteredPage } from './pages/citizen/NotRegisteredPage';
import { DonatePage } from './pages/public/DonatePage';
import { AccessibilityPage, LegalNotesPage, PrivacyPage } from './pages/public/LegalPages';
import { useSession } from './features/session/SessionProvider';
import { Loading } from './ui/Loading';
import { CaseBoardPage } from './pages/cases/CaseBoardPage';
import { OpenCasePage } from './pages/cases/OpenCasePage';
import { CasePage } from './pages/cases/CasePage';
import { AssessmentPage } from './pages/cases/AssessmentPage';
import { PlanCreatePage } from './pages/cases/PlanCreatePage';
import { PlanEditPage } from './pages/cases/PlanEditPage';
import { PrivacyExportPage } from './pages/cases/PrivacyExportPage';
import { catalogRoutes } from './pages/catalog/routes';
import { GoodsPage } from './pages/goods/GoodsPage';
import { PointPage } from './pages/goods/PointPage';
import { DonationPage } from './pages/goods/DonationPage';
import { DonorPage } from './pages/goods/DonorPage';
import { ParcelPage } from './pages/goods/ParcelPage';
import { LoansPage } from './pages/goods/LoansPage';
import { MarketPage } from './pages/goods/MarketPage';
import { ProgrammePage, ProgrammesPage } from './pages/vouchers/ProgrammesPage';
import { ApplicationPage } from './pages/vouchers/ApplicationPage';
import { PublicCallsPage } from './pages/pacts/PublicCallsPage';

// The chart and the map weigh more than the rest of the app together: loaded on first visit.
const PublicPactsPage = lazy(() =>
  import('./pages/pacts/PublicPactsPage').then((m) => ({ default: m.PublicPactsPage })),
);
const ComuniPage = lazy(() =>
  import('./pages/territory/ComuniPage').then((m) => ({ default: m.ComuniPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const BriefingPage = lazy(() =>
  import('./pages/dashboard/BriefingPage').then((m) => ({ default: m.BriefingPage })),
);
const SocialReportsPage = lazy(() =>
  import('./pages/reports/SocialReportsPage').then((m) => ({ default: m.SocialReportsPage })),
);
const SocialReportPage = lazy(() =>
  import('./pages/reports/SocialReportPage').then((m) => ({ default: m.SocialReportPage })),
);
const PublicReportPage = lazy(() =>
  import('./pages/reports/PublicReportPage').then((m) => ({ default: m.PublicReportPage })),
);
const FundsPage = lazy(() => import('./pages/funds/FundsPage').then((m) => ({ default: m.FundsPage })));
const AllocationPage = lazy(() =>
  import('./pages/funds/AllocationPage').then((m) => ({ default: m.AllocationPage })),
);
const AllocationDetailPage = lazy(() =>
  import('./pages/funds/AllocationPage').then((m) => ({ default: m.AllocationDetailPage })),
);
const LinePage = lazy(() => import('./pages/funds/LinePage').then((m) => ({ default: m.LinePage })));
const ReportPage = lazy(() => import('./pages/funds/ReportPage').then((m) => ({ default: m.ReportPage })));
const FundImportPage = lazy(() =>
  import('./pages/funds/FundImportPage').then((m) => ({ default: m.FundImportPage })),
);
const CampaignsPage = lazy(() =>
  import('./pages/funds/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import('./pages/funds/CampaignsPage').then((m) => ({ default: m.CampaignPage })),
);
const CampaignCoveragePage = lazy(() =>
  import('./pages/goods/CampaignsPage').then((m) => ({ default: m.CampaignPage })),
);
const DistributionCampaignsPage = lazy(() =>
  import('./pages/goods/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const ComparePage = lazy(() => import('./pages/cases/ComparePage').then((m) => ({ default: m.ComparePage })));
const RoundPlanningPage = lazy(() =>
  import('./pages/rounds/RoundPlanningPage').then((m) => ({ default: m.RoundPlanningPage })),
);

function guarded(element: ReactNode, capability?: Capability) {
  return <RequireSession capability={capability}>{element}</RequireSession>;
}

/** `/`: the public home before logging in, the user's own home after. */
function HomeRoute() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <PublicHomePage />;
  // A citizen who logged in with SPID/CIE before the registry knew them holds no role yet.
  if (state.me.roles.length === 0) return <NotRegisteredPage />;
  return guarded(<HomePage />);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<HomeRoute />} />
        <Route path="/dona" element={<DonatePage />} />
        <Route path="/patti-di-collaborazione" element={<PublicPactsPage />} />
        <Route path="/co-progettazione" element={<PublicCallsPage />} />
        <Route path="/privacy" element={<PrivacyPage />} />
        <Route path="/note-legali" element={<LegalNotesPage />} />
        <Route path="/accessibilita" element={<AccessibilityPage />} />
        <Route path={CHANGE_PASSWORD_PATH} element={guarded(<ChangePasswordPage />)} />
        <Route path="/persone" element={guarded(<PeopleSearchPage />, 'person.read')} />
        <Route path="/persone/nuova" element={guarded(<PersonCreatePage />, 'person.write')} />
        <Route path="/persone/:id" element={guarded(<PersonDetailPage />, 'person.read')} />
        <Route path="/persone/:id/modifica" element={guarded(<PersonEditPage />, 'person.write')} />
        <Route path="/organizzazioni" element={guarded(<OrganizationsPage />, 'organization.read')} />
        <Route
          path="/organizzazioni/nuova"
          element={guarded(<OrganizationCreatePage />, 'organization.manage')}
        />
        <Route
          path="/organizzazioni/:id"
          element={guarded(<OrganizationDetailPage />, 'organization.read')}
        />
        <Route path="/comuni" element={guarded(<ComuniPage />)} />
        <Route path="/utenti" element={guarded(<UsersPage />, 'user.manage')} />
        <Route path="/registro-accessi" element={guarded(<AuditPage />, 'audit.read')} />
        <Route path="/richieste" element={guarded(<RequestsPage />, 'request.read')} />
        <Route path="/richieste/nuova" element={guarded(<RequestIntakePage />, 'request.create')} />
        <Route path="/richieste/:id" element={guarded(<RequestDetailPage />, 'request.read')} />
        <Route path="/compiti" element={guarded(<TasksPage />, 'task.read')} />
        <Route path="/compiti/:id" element={guarded(<TaskDetailPage />, 'task.read')} />
        <Route path="/miei-compiti" element={guarded(<MyTasksPage />, 'task.own')} />
        <Route path="/diventa-volontario" element={<VolunteerOfferPage />} />
        <Route path="/volontari" element={guarded(<VolunteersPage />, 'volunteer.read')} />
        <Route path="/volontari/importa" element={guarded(<VolunteerImportPage />, 'volunteer.manage')} />
        <Route path="/volontari/:id" element={guarded(<VolunteerDetailPage />, 'volunteer.read')} />
        <Route path="/protocollo" element={guarded(<ProtocolPage />, 'competence.read')} />
        <Route
          path="/protocollo/tipi-di-intervento"
          element={guarded(<InterventionTypesPage />, 'interventionType.manage')}
        />
        <Route path="/cabina-di-regia" element={guarded(<DashboardPage />, 'dashboard.read')} />
        <Route path="/cabina-di-regia/briefing" element={guarded(<BriefingPage />, 'dashboard.read')} />
        <Route path="/chiedi-aiuto" element={guarded(<AskHelpPage />, 'request.own')} />
        <Route path="/le-mie-richieste" element={guarded(<MyRequestsPage />, 'request.own')} />
        <Route path="/giri" element={guarded(<RoundPlanningPage />, 'task.assign')} />
        <Route path="/il-mio-giro" element={guarded(<MyRoundPage />, 'task.own')} />
        <Route path="/rapporto-sociale" element={guarded(<SocialReportsPage />, 'report.publish')} />
        <Route path="/rapporto-sociale/:id" element={guarded(<SocialReportPage />, 'report.publish')} />
        <Route path="/rapporti-sociali/:year/:territory" element={<PublicReportPage />} />
        <Route path="/fondi" element={guarded(<FundsPage />, 'funds.read')} />
        <Route path="/fondi/riparti/nuovo" element={guarded(<AllocationPage />, 'funds.manage')} />
        <Route path="/fondi/riparti/:id" element={guarded(<AllocationDetailPage />, 'funds.manage')} />
        <Route path="/fondi/voci/:id" element={guarded(<LinePage />, 'funds.read')} />
        <Route path="/fondi/progetti/:id" element={guarded(<ReportPage />, 'funds.read')} />
        <Route path="/fondi/progetti/:id/importa" element={guarded(<FundImportPage />, 'funds.manage')} />
        <Route path="/fondi/campagne" element={guarded(<CampaignsPage />, 'funds.read')} />
        <Route path="/fondi/campagne/:id" element={guarded(<CampaignPage />, 'donor.read')} />
        <Route path="/fascicoli" element={guarded(<CaseBoardPage />, 'case.read')} />
        <Route path="/fascicoli/nuovo" element={guarded(<OpenCasePage />, 'case.write')} />
        <Route path="/fascicoli/:id" element={guarded(<CasePage />, 'case.read')} />
        <Route path="/fascicoli/:id/valutazioni/nuova" element={guarded(<AssessmentPage />, 'case.write')} />
        <Route path="/fascicoli/:id/valutazioni/confronto" element={guarded(<ComparePage />, 'case.read')} />
        <Route path="/fascicoli/:id/progetti/nuovo" element={guarded(<PlanCreatePage />, 'case.write')} />
        <Route
          path="/fascicoli/:id/progetti/:planId/modifica"
          element={guarded(<PlanEditPage />, 'case.write')}
        />
        <Route path="/gdpr" element={guarded(<PrivacyExportPage />, 'privacy.export')} />
        {catalogRoutes}
        <Route path="/buoni/riscuoti" element={guarded(<RedeemVoucherPage />, 'voucher.redeem')} />
        <Route path="/beni" element={guarded(<GoodsPage />, 'goods.read')} />
        <Route path="/beni/punti/:id" element={guarded(<PointPage />, 'goods.read')} />
        <Route path="/beni/punti/:id/donazione" element={guarded(<DonationPage />, 'goods.manage')} />
        <Route path="/beni/punti/:id/pacco" element={guarded(<ParcelPage />, 'goods.manage')} />
        <Route path="/beni/donatori/:id" element={guarded(<DonorPage />, 'goods.read')} />
        <Route path="/beni/campagne" element={guarded(<DistributionCampaignsPage />, 'campaign.read')} />
        <Route path="/beni/campagne/:id" element={guarded(<CampaignCoveragePage />, 'campaign.read')} />
        <Route path="/beni/prestiti" element={guarded(<LoansPage />, 'loan.read')} />
        <Route path="/beni/emporio" element={guarded(<MarketPage />, 'market.manage')} />
        <Route path="/programmi" element={guarded(<ProgrammesPage />, 'programme.read')} />
        <Route path="/programmi/:id" element={guarded(<ProgrammePage />, 'programme.read')} />
        <Route path="/domande/:id" element={guarded(<ApplicationPage />, 'programme.read')} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
