import type { ReactNode } from 'react';
import { lazyPage } from './ui/lazyPage';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n/I18nProvider';
import { SessionProvider } from './features/session/SessionProvider';
import { RequireSession, CHANGE_PASSWORD_PATH, type Access } from './features/session/RequireSession';
import { worksInServices } from './features/shell/destinations';
import { AppLayout } from './features/shell/AppLayout';
import { useSession } from './features/session/SessionProvider';
import { Loading } from './ui/Loading';
import { catalogRoutes } from './pages/catalog/routes';

// Every page is its own bundle, loaded on first visit: a citizen never downloads the steering room's
// charts and maps, nor the operators' forms.
const RedeemVoucherPage = lazyPage(() => import('./pages/vouchers/RedeemVoucherPage'), 'RedeemVoucherPage');
const LoginPage = lazyPage(() => import('./pages/auth/LoginPage'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('./pages/auth/ChangePasswordPage'), 'ChangePasswordPage');
const HomePage = lazyPage(() => import('./pages/home/HomePage'), 'HomePage');
const PeopleSearchPage = lazyPage(() => import('./pages/people/PeopleSearchPage'), 'PeopleSearchPage');
const PersonCreatePage = lazyPage(() => import('./pages/people/PersonCreatePage'), 'PersonCreatePage');
const PersonDetailPage = lazyPage(() => import('./pages/people/PersonDetailPage'), 'PersonDetailPage');
const PersonEditPage = lazyPage(() => import('./pages/people/PersonEditPage'), 'PersonEditPage');
const OrganizationsPage = lazyPage(
  () => import('./pages/organizations/OrganizationsPage'),
  'OrganizationsPage',
);
const OrganizationCreatePage = lazyPage(
  () => import('./pages/organizations/OrganizationCreatePage'),
  'OrganizationCreatePage',
);
const OrganizationDetailPage = lazyPage(
  () => import('./pages/organizations/OrganizationDetailPage'),
  'OrganizationDetailPage',
);
const UsersPage = lazyPage(() => import('./pages/users/UsersPage'), 'UsersPage');
const AuditPage = lazyPage(() => import('./pages/audit/AuditPage'), 'AuditPage');
const NotFoundPage = lazyPage(() => import('./pages/errors/NotFoundPage'), 'NotFoundPage');
const RequestsPage = lazyPage(() => import('./pages/requests/RequestsPage'), 'RequestsPage');
const RequestIntakePage = lazyPage(() => import('./pages/requests/RequestIntakePage'), 'RequestIntakePage');
const RequestDetailPage = lazyPage(() => import('./pages/requests/RequestDetailPage'), 'RequestDetailPage');
const TasksPage = lazyPage(() => import('./pages/tasks/TasksPage'), 'TasksPage');
const TaskDetailPage = lazyPage(() => import('./pages/tasks/TaskDetailPage'), 'TaskDetailPage');
const MyTasksPage = lazyPage(() => import('./pages/tasks/MyTasksPage'), 'MyTasksPage');
const VolunteerOfferPage = lazyPage(
  () => import('./pages/volunteers/VolunteerOfferPage'),
  'VolunteerOfferPage',
);
const VolunteersPage = lazyPage(() => import('./pages/volunteers/VolunteersPage'), 'VolunteersPage');
const VolunteerDetailPage = lazyPage(
  () => import('./pages/volunteers/VolunteerDetailPage'),
  'VolunteerDetailPage',
);
const VolunteerImportPage = lazyPage(
  () => import('./pages/volunteers/VolunteerImportPage'),
  'VolunteerImportPage',
);
const ProtocolPage = lazyPage(() => import('./pages/protocol/ProtocolPage'), 'ProtocolPage');
const InterventionTypesPage = lazyPage(
  () => import('./pages/protocol/InterventionTypesPage'),
  'InterventionTypesPage',
);
const AskHelpPage = lazyPage(() => import('./pages/citizen/AskHelpPage'), 'AskHelpPage', ['requests']);
const MyRequestsPage = lazyPage(() => import('./pages/citizen/MyRequestsPage'), 'MyRequestsPage');
const MySupportPage = lazyPage(() => import('./pages/citizen/MySupportPage'), 'MySupportPage');
const MyRoundPage = lazyPage(() => import('./pages/rounds/MyRoundPage'), 'MyRoundPage');
const PublicHomePage = lazyPage(() => import('./pages/public/PublicHomePage'), 'PublicHomePage');
const NotRegisteredPage = lazyPage(() => import('./pages/citizen/NotRegisteredPage'), 'NotRegisteredPage');
const DonatePage = lazyPage(() => import('./pages/public/DonatePage'), 'DonatePage');
const AccessibilityPage = lazyPage(() => import('./pages/public/LegalPages'), 'AccessibilityPage', [
  'legalPages',
]);
const LegalNotesPage = lazyPage(() => import('./pages/public/LegalPages'), 'LegalNotesPage', ['legalPages']);
const PrivacyPage = lazyPage(() => import('./pages/public/LegalPages'), 'PrivacyPage', ['legalPages']);
const CaseBoardPage = lazyPage(() => import('./pages/cases/CaseBoardPage'), 'CaseBoardPage');
const OpenCasePage = lazyPage(() => import('./pages/cases/OpenCasePage'), 'OpenCasePage');
const CasePage = lazyPage(() => import('./pages/cases/CasePage'), 'CasePage');
const AssessmentPage = lazyPage(() => import('./pages/cases/AssessmentPage'), 'AssessmentPage');
const PlanCreatePage = lazyPage(() => import('./pages/cases/PlanCreatePage'), 'PlanCreatePage');
const PlanEditPage = lazyPage(() => import('./pages/cases/PlanEditPage'), 'PlanEditPage');
const PrivacyExportPage = lazyPage(() => import('./pages/cases/PrivacyExportPage'), 'PrivacyExportPage');
const ComuniPage = lazyPage(() => import('./pages/territory/ComuniPage'), 'ComuniPage');
const DashboardPage = lazyPage(() => import('./pages/dashboard/DashboardPage'), 'DashboardPage');
const BriefingPage = lazyPage(() => import('./pages/dashboard/BriefingPage'), 'BriefingPage');
const SocialReportsPage = lazyPage(() => import('./pages/reports/SocialReportsPage'), 'SocialReportsPage');
const SocialReportPage = lazyPage(() => import('./pages/reports/SocialReportPage'), 'SocialReportPage');
const PublicReportPage = lazyPage(() => import('./pages/reports/PublicReportPage'), 'PublicReportPage');
const FundsPage = lazyPage(() => import('./pages/funds/FundsPage'), 'FundsPage');
const AllocationPage = lazyPage(() => import('./pages/funds/AllocationPage'), 'AllocationPage');
const AllocationDetailPage = lazyPage(() => import('./pages/funds/AllocationPage'), 'AllocationDetailPage');
const LinePage = lazyPage(() => import('./pages/funds/LinePage'), 'LinePage');
const ReportPage = lazyPage(() => import('./pages/funds/ReportPage'), 'ReportPage');
const FundImportPage = lazyPage(() => import('./pages/funds/FundImportPage'), 'FundImportPage');
const CampaignsPage = lazyPage(() => import('./pages/funds/CampaignsPage'), 'CampaignsPage');
const CampaignPage = lazyPage(() => import('./pages/funds/CampaignsPage'), 'CampaignPage');
const ComparePage = lazyPage(() => import('./pages/cases/ComparePage'), 'ComparePage');
const RoundPlanningPage = lazyPage(() => import('./pages/rounds/RoundPlanningPage'), 'RoundPlanningPage');
const GoodsPage = lazyPage(() => import('./pages/goods/GoodsPage'), 'GoodsPage');
const PointPage = lazyPage(() => import('./pages/goods/PointPage'), 'PointPage');
const DonationPage = lazyPage(() => import('./pages/goods/DonationPage'), 'DonationPage');
const DonorPage = lazyPage(() => import('./pages/goods/DonorPage'), 'DonorPage');
const ParcelPage = lazyPage(() => import('./pages/goods/ParcelPage'), 'ParcelPage');
const LoansPage = lazyPage(() => import('./pages/goods/LoansPage'), 'LoansPage');
const MarketPage = lazyPage(() => import('./pages/goods/MarketPage'), 'MarketPage');
const MarketTillPage = lazyPage(() => import('./pages/goods/MarketTillPage'), 'MarketTillPage');
const GoodsReportsPage = lazyPage(() => import('./pages/goods/ReportsPage'), 'ReportsPage');
const ApplicationPage = lazyPage(() => import('./pages/vouchers/ApplicationPage'), 'ApplicationPage');
const PublicCallsPage = lazyPage(() => import('./pages/pacts/PublicCallsPage'), 'PublicCallsPage');
const ProgrammesPage = lazyPage(() => import('./pages/vouchers/ProgrammesPage'), 'ProgrammesPage');
const ProgrammePage = lazyPage(() => import('./pages/vouchers/ProgrammesPage'), 'ProgrammePage');
const ProposePactPage = lazyPage(() => import('./pages/pacts/ProposePactPage'), 'ProposePactPage');
const PactsOfficePage = lazyPage(() => import('./pages/pacts/PactsOfficePage'), 'PactsOfficePage');
const DeskProposalPage = lazyPage(() => import('./pages/pacts/DeskProposalPage'), 'DeskProposalPage');
const PactCreatePage = lazyPage(() => import('./pages/pacts/PactCreatePage'), 'PactCreatePage');
const CommonsRegisterPage = lazyPage(
  () => import('./pages/pacts/CommonsRegisterPage'),
  'CommonsRegisterPage',
);
const PactPage = lazyPage(() => import('./pages/pacts/PactPage'), 'PactPage');
const CodesignCallsPage = lazyPage(() => import('./pages/pacts/CodesignCallsPage'), 'CodesignCallsPage');
const CodesignCallCreatePage = lazyPage(
  () => import('./pages/pacts/CodesignCallCreatePage'),
  'CodesignCallCreatePage',
);
const CodesignCallPage = lazyPage(() => import('./pages/pacts/CodesignCallPage'), 'CodesignCallPage');
const PublicPactsPage = lazyPage(() => import('./pages/pacts/PublicPactsPage'), 'PublicPactsPage');
const CampaignCoveragePage = lazyPage(() => import('./pages/goods/CampaignsPage'), 'CampaignPage');
const DistributionCampaignsPage = lazyPage(() => import('./pages/goods/CampaignsPage'), 'CampaignsPage');

function guarded(element: ReactNode, capability?: Access) {
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
        <Route path="/proponi-un-patto" element={guarded(<ProposePactPage />, 'pact.propose')} />
        <Route path="/patti" element={guarded(<PactsOfficePage />, 'pact.read')} />
        <Route path="/patti/beni-comuni" element={guarded(<CommonsRegisterPage />, 'pact.read')} />
        <Route path="/patti/proposte/nuova" element={guarded(<DeskProposalPage />, 'pact.manage')} />
        <Route path="/patti/nuovo" element={guarded(<PactCreatePage />, 'pact.manage')} />
        <Route path="/patti/:id" element={guarded(<PactPage />, 'pact.read')} />
        <Route path="/co-progettazione/avvisi" element={guarded(<CodesignCallsPage />, 'codesign.read')} />
        <Route
          path="/co-progettazione/avvisi/nuovo"
          element={guarded(<CodesignCallCreatePage />, 'codesign.manage')}
        />
        <Route path="/co-progettazione/avvisi/:id" element={guarded(<CodesignCallPage />, 'codesign.read')} />
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
        <Route path="/comuni" element={guarded(<ComuniPage />, worksInServices)} />
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
        <Route path="/sostegno-economico" element={guarded(<MySupportPage />, 'programme.own')} />
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
        <Route path="/emporio/cassa" element={guarded(<MarketTillPage />, 'market.till')} />
        <Route path="/beni" element={guarded(<GoodsPage />, 'goods.read')} />
        <Route path="/beni/punti/:id" element={guarded(<PointPage />, 'goods.read')} />
        <Route path="/beni/punti/:id/donazione" element={guarded(<DonationPage />, 'goods.manage')} />
        <Route path="/beni/punti/:id/pacco" element={guarded(<ParcelPage />, 'goods.manage')} />
        <Route path="/beni/donatori/:id" element={guarded(<DonorPage />, 'goods.read')} />
        <Route path="/beni/rapporti" element={guarded(<GoodsReportsPage />, 'goods.read')} />
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
