/*
 * Roles and capabilities, shared so the web app names them exactly as the server does.
 * The server's access layer (server/src/platform/access) is what enforces them.
 */

/** The roles of DESIGN.md; Italian names because they are the roles of Italian social services. */
export const ROLES = [
  'cittadino',
  'operatore',
  'assistente_sociale',
  'welfare_manager',
  'coordinatore',
  'volontario',
  'amministratore',
  'fornitore',
  'revisore',
  // An accredited shop: redeems shopping vouchers at its till, sees nothing else.
  'esercente',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which roles hold each capability. This table is the whole of "who may do what":
 * a capability not listed here is denied to everyone.
 */
export const CAPABILITIES = {
  // The registry is for the people who take requests and follow cases.
  'person.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'amministratore'],
  'person.write': ['operatore', 'assistente_sociale', 'welfare_manager'],
  // Health and social-services markers: only who triages or follows the person.
  'person.readSensitive': ['operatore', 'assistente_sociale'],
  'organization.read': [
    'operatore',
    'assistente_sociale',
    'welfare_manager',
    'coordinatore',
    'amministratore',
    'revisore',
    'fornitore',
    'volontario',
  ],
  'organization.manage': ['amministratore'],
  'user.manage': ['amministratore'],
  'territory.manage': ['amministratore'],
  'audit.read': ['revisore'],
  // CremonAiuta: intake, triage and routing of help requests.
  'request.create': ['operatore', 'assistente_sociale', 'welfare_manager'],
  'request.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'coordinatore', 'amministratore'],
  'request.triage': ['operatore', 'assistente_sociale'],
  // Whether a person is already followed by social services: who triages may know, nobody else.
  'request.seeSocialServices': ['operatore', 'assistente_sociale'],
  // A citizen asks for help online, for self or a relative, and follows those requests only.
  'request.own': ['cittadino'],
  'interventionType.manage': ['amministratore'],
  'competence.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'coordinatore', 'amministratore'],
  'competence.manage': ['amministratore'],
  'volunteer.read': ['coordinatore', 'amministratore'],
  'volunteer.manage': ['coordinatore', 'amministratore'],
  'task.read': ['coordinatore', 'amministratore', 'operatore'],
  'task.assign': ['coordinatore', 'amministratore'],
  'task.reimburse': ['coordinatore', 'amministratore'],
  // A volunteer sees and updates only the tasks assigned to them (checked on the task itself).
  'task.own': ['volontario'],
  'dashboard.read': ['amministratore', 'coordinatore', 'operatore', 'assistente_sociale'],
  // Goods (issue 12): points, stock and its ledger; recording donations, transfers and write-offs.
  'goods.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'coordinatore', 'amministratore'],
  'goods.manage': ['operatore', 'coordinatore', 'amministratore'],
  // A household's parcels, the people a campaign has not reached, who holds a tablet: personal data.
  'parcel.read': ['operatore', 'assistente_sociale', 'coordinatore'],
  'campaign.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'coordinatore', 'amministratore'],
  'campaign.manage': ['operatore', 'amministratore'],
  'campaign.deliver': ['operatore', 'coordinatore'],
  'loan.read': ['operatore', 'assistente_sociale', 'coordinatore'],
  'loan.manage': ['operatore', 'coordinatore'],
  // The social market: cards opened at the desk, points spent at its till (a shop user of the market).
  'market.manage': ['operatore', 'assistente_sociale', 'welfare_manager'],
  'market.till': ['esercente'],
  // Case files: social workers only, and within that the case's team (server/src/modules/cases/cases.policy.ts).
  'case.read': ['assistente_sociale'],
  'case.write': ['assistente_sociale'],
  // Another social worker of the territory may open a file in an emergency, with a written reason.
  'case.breakGlass': ['assistente_sociale'],
  // GDPR: the DPO answers access (art. 15) and erasure (art. 17) requests; a citizen exports their own data.
  'privacy.export': ['revisore'],
  'privacy.anonymise': ['revisore'],
  // Reports and open data: aggregates only, published for a territory the administrator runs.
  'report.publish': ['amministratore'],
  // Funds (money data, not personal): budgets, allocations and the progress report.
  'funds.read': ['amministratore', 'revisore', 'assistente_sociale', 'coordinatore', 'fornitore'],
  'funds.manage': ['amministratore'],
  // Recording commitments and expenses: a comune's social services on its share, a partner on its own lines.
  'funds.spend': ['amministratore', 'assistente_sociale', 'coordinatore', 'fornitore'],
  // Donors are personal data.
  'donor.read': ['amministratore'],
  'donor.manage': ['amministratore'],
  // Vouchers and economic-support programmes (seeds 000 and 003).
  'programme.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'amministratore'],
  'programme.manage': ['welfare_manager', 'amministratore'],
  // Applications are personal data: who takes them at the desk and checks them.
  'programme.review': ['operatore', 'assistente_sociale', 'welfare_manager'],
  // A citizen applies online for self to their comune's open programmes and follows those applications only.
  'programme.own': ['cittadino'],
  'voucher.redeem': ['esercente'],
  // Service catalogue (seed 001). A provider publishes its own services; the Ambito moderates.
  'catalog.manage': ['fornitore', 'amministratore'],
  'catalog.moderate': ['amministratore'],
  'tariff.manage': ['amministratore'],
  // ISEE is economic data: who sets fees and orients citizens sees it; operators, providers and volunteers do not.
  'isee.read': ['assistente_sociale', 'welfare_manager'],
  'isee.write': ['assistente_sociale', 'welfare_manager'],
  'isee.verify': ['assistente_sociale'],
  // A citizen books for self; a welfare manager books for a citizen at an access point.
  'order.own': ['cittadino'],
  'order.assist': ['welfare_manager'],
  'order.read': ['welfare_manager', 'assistente_sociale', 'amministratore'],
  // A provider sees and handles the orders of its own organisation only.
  'order.fulfil': ['fornitore'],
  'accessPoint.manage': ['amministratore'],
  // SIUSS (INPS): the flows of social benefits, their outcomes, the comune's sending configuration
  // and the mapping to INPS's codes (editable only by who runs the whole installation: one mapping).
  'siuss.export': ['amministratore'],
  'siuss.manage': ['amministratore'],
  // Civic collaboration pacts (seed 003): proposals carry the proposer's name and contacts.
  'pact.read': ['operatore', 'assistente_sociale', 'welfare_manager', 'amministratore'],
  'pact.manage': ['welfare_manager', 'amministratore'],
  // A citizen proposes a pact online, in their own comune.
  'pact.propose': ['cittadino'],
  // Co-design with the third sector (art. 55 CTS): proposals name the bodies' contact persons.
  'codesign.read': ['amministratore', 'welfare_manager', 'assistente_sociale', 'revisore'],
  'codesign.manage': ['amministratore'],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];
