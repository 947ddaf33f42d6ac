import type { Me } from '../../../../shared/src/accounts/accounts.schemas';
import type { Messages } from '../../i18n/it';
import { hasCapability } from '../session/SessionProvider';

export type DestinationKey = keyof Messages['destinations'];

export interface Destination {
  key: DestinationKey;
  path: string;
  /** Bootstrap Italia icon for the home card. */
  icon: string;
  /** Listed in the main menu (the rest are reached from the home page or their list). */
  inMenu: boolean;
  visible: (me: Me) => boolean;
}

// Territory data is public open data; the page is for people who work in the services, not citizens.
export const worksInServices = (me: Me) => me.roles.some((role) => role !== 'cittadino');

/**
 * What a user can open, decided by the capabilities the server granted.
 * The home page shows these as cards and the header menu lists those marked inMenu.
 */
const DESTINATIONS: Destination[] = [
  // Service catalogue (seed 001): search for everyone; booking, desk, console and moderation by role.
  {
    key: 'catalog',
    path: '/servizi',
    icon: 'it-search',
    inMenu: true,
    visible: (me) => hasCapability(me, 'order.own') || hasCapability(me, 'order.assist'),
  },
  {
    key: 'myOrders',
    path: '/i-miei-ordini',
    icon: 'it-card',
    inMenu: true,
    visible: (me) => hasCapability(me, 'order.own'),
  },
  {
    key: 'desk',
    path: '/sportello',
    icon: 'it-user',
    inMenu: true,
    visible: (me) => hasCapability(me, 'order.assist'),
  },
  {
    key: 'accessPoints',
    path: '/sportelli',
    icon: 'it-map-marker',
    inMenu: false,
    visible: (me) => hasCapability(me, 'order.assist'),
  },
  {
    key: 'providerConsole',
    path: '/fornitore',
    icon: 'it-box',
    inMenu: true,
    visible: (me) => hasCapability(me, 'order.fulfil'),
  },
  {
    key: 'moderation',
    path: '/moderazione-servizi',
    icon: 'it-check-circle',
    inMenu: true,
    visible: (me) => hasCapability(me, 'catalog.moderate'),
  },
  {
    key: 'tariffs',
    path: '/tariffe',
    icon: 'it-chart-line',
    inMenu: false,
    visible: (me) => hasCapability(me, 'tariff.manage'),
  },
  {
    key: 'voucherRedeem',
    path: '/buoni/riscuoti',
    icon: 'it-card',
    inMenu: true,
    visible: (me) => hasCapability(me, 'voucher.redeem'),
  },
  {
    key: 'goods',
    path: '/beni',
    icon: 'it-box',
    inMenu: true,
    visible: (me) => hasCapability(me, 'goods.read'),
  },
  {
    key: 'programmes',
    path: '/programmi',
    icon: 'it-card',
    inMenu: true,
    visible: (me) => hasCapability(me, 'programme.read'),
  },
  {
    key: 'askHelp',
    path: '/chiedi-aiuto',
    icon: 'it-help-circle',
    inMenu: true,
    visible: (me) => hasCapability(me, 'request.own'),
  },
  {
    key: 'myRequests',
    path: '/le-mie-richieste',
    icon: 'it-files',
    inMenu: true,
    visible: (me) => hasCapability(me, 'request.own'),
  },
  {
    key: 'mySupport',
    path: '/sostegno-economico',
    icon: 'it-card',
    inMenu: true,
    visible: (me) => hasCapability(me, 'programme.own'),
  },
  {
    key: 'proposePact',
    path: '/proponi-un-patto',
    icon: 'it-pencil',
    inMenu: true,
    visible: (me) => hasCapability(me, 'pact.propose'),
  },
  {
    key: 'pactsOffice',
    path: '/patti',
    icon: 'it-pencil',
    inMenu: true,
    visible: (me) => hasCapability(me, 'pact.read'),
  },
  {
    key: 'codesignOffice',
    path: '/co-progettazione/avvisi',
    icon: 'it-files',
    inMenu: true,
    visible: (me) => hasCapability(me, 'codesign.read'),
  },
  {
    key: 'dashboard',
    path: '/cabina-di-regia',
    icon: 'it-chart-line',
    inMenu: true,
    visible: (me) => hasCapability(me, 'dashboard.read'),
  },
  {
    key: 'socialReport',
    path: '/rapporto-sociale',
    icon: 'it-file',
    inMenu: false,
    visible: (me) => hasCapability(me, 'report.publish'),
  },
  {
    key: 'cases',
    path: '/fascicoli',
    icon: 'it-folder',
    inMenu: true,
    visible: (me) => hasCapability(me, 'case.read'),
  },
  {
    key: 'privacy',
    path: '/gdpr',
    icon: 'it-locked',
    inMenu: false,
    visible: (me) => hasCapability(me, 'privacy.export'),
  },
  {
    key: 'funds',
    path: '/fondi',
    icon: 'it-folder',
    inMenu: true,
    visible: (me) => hasCapability(me, 'funds.read'),
  },
  {
    key: 'requestIntake',
    path: '/richieste/nuova',
    icon: 'it-plus-circle',
    inMenu: true,
    visible: (me) => hasCapability(me, 'request.create'),
  },
  {
    key: 'requests',
    path: '/richieste',
    icon: 'it-inbox',
    inMenu: true,
    visible: (me) => hasCapability(me, 'request.read'),
  },
  {
    key: 'myTasks',
    path: '/miei-compiti',
    icon: 'it-check-circle',
    inMenu: true,
    visible: (me) => hasCapability(me, 'task.own'),
  },
  {
    key: 'myRound',
    path: '/il-mio-giro',
    icon: 'it-map-marker',
    inMenu: true,
    visible: (me) => hasCapability(me, 'task.own'),
  },
  {
    key: 'tasks',
    path: '/compiti',
    icon: 'it-list',
    inMenu: true,
    visible: (me) => hasCapability(me, 'task.assign'),
  },
  {
    key: 'rounds',
    path: '/giri',
    icon: 'it-car',
    inMenu: true,
    visible: (me) => hasCapability(me, 'task.assign'),
  },
  {
    key: 'volunteers',
    path: '/volontari',
    icon: 'it-user',
    inMenu: true,
    visible: (me) => hasCapability(me, 'volunteer.read'),
  },
  {
    key: 'volunteerImport',
    path: '/volontari/importa',
    icon: 'it-upload',
    inMenu: false,
    visible: (me) => hasCapability(me, 'volunteer.manage'),
  },
  {
    key: 'volunteerOffer',
    path: '/diventa-volontario',
    icon: 'it-star-outline',
    inMenu: false,
    visible: (me) => hasCapability(me, 'request.own'),
  },
  {
    key: 'protocol',
    path: '/protocollo',
    icon: 'it-settings',
    inMenu: false,
    visible: (me) => hasCapability(me, 'competence.manage'),
  },
  {
    key: 'interventionTypes',
    path: '/protocollo/tipi-di-intervento',
    icon: 'it-tool',
    inMenu: false,
    visible: (me) => hasCapability(me, 'interventionType.manage'),
  },
  {
    key: 'peopleSearch',
    path: '/persone',
    icon: 'it-search',
    inMenu: true,
    visible: (me) => hasCapability(me, 'person.read'),
  },
  {
    key: 'personCreate',
    path: '/persone/nuova',
    icon: 'it-plus-circle',
    inMenu: false,
    visible: (me) => hasCapability(me, 'person.write'),
  },
  {
    key: 'organizations',
    path: '/organizzazioni',
    icon: 'it-pa',
    inMenu: true,
    visible: (me) => hasCapability(me, 'organization.read'),
  },
  { key: 'comuni', path: '/comuni', icon: 'it-map-marker-circle', inMenu: true, visible: worksInServices },
  {
    key: 'users',
    path: '/utenti',
    icon: 'it-user',
    inMenu: true,
    visible: (me) => hasCapability(me, 'user.manage'),
  },
  {
    key: 'audit',
    path: '/registro-accessi',
    icon: 'it-password-visible',
    inMenu: true,
    visible: (me) => hasCapability(me, 'audit.read'),
  },
];

export function destinationsFor(me: Me): Destination[] {
  return DESTINATIONS.filter((d) => d.visible(me));
}
