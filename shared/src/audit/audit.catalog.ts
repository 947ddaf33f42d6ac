import type { Capability } from '../accounts/capabilities.js';

/**
 * Every audited operation and kind of record, named for people in Italian and English. The
 * server checks at compile time that each action and kind it writes is named here
 * (server/src/platform/audit/audit.ts), so a new one cannot reach the audit page as a bare code.
 */

export interface AuditLabel {
  it: string;
  en: string;
}

export const AUDIT_ACTIONS = {
  'person.read': { it: 'Lettura scheda persona', en: 'Person record read' },
  'person.search': { it: 'Ricerca persone', en: 'People search' },
  'person.create': { it: 'Registrazione persona', en: 'Person registered' },
  'person.update': { it: 'Modifica persona', en: 'Person updated' },
  'household.create': { it: 'Creazione nucleo', en: 'Household created' },
  'household.read': { it: 'Lettura nucleo', en: 'Household read' },
  'user.create': { it: 'Creazione utente', en: 'User created' },
  'user.password_reset': { it: 'Reimpostazione password', en: 'Password reset' },
  'user.login': { it: 'Accesso', en: 'Login' },
  'user.login_failed': { it: 'Accesso non riuscito', en: 'Failed login' },
  'comune.reassign': { it: 'Riassegnazione comune', en: 'Comune reassigned' },
  'organization.create': { it: 'Registrazione organizzazione', en: 'Organisation registered' },
  'membership.create': { it: 'Assegnazione ruolo', en: 'Role granted' },
  'request.create': { it: 'Registrazione richiesta di aiuto', en: 'Help request registered' },
  'request.read': { it: 'Lettura richiesta di aiuto', en: 'Help request read' },
  'request.search': { it: 'Elenco richieste di aiuto', en: 'Help requests listed' },
  'request.triage': { it: 'Valutazione richiesta di aiuto', en: 'Help request triaged' },
  'request.cancel': { it: 'Annullamento richiesta di aiuto', en: 'Help request cancelled' },
  'request.follow_up': {
    it: 'Decisione dopo una consegna non riuscita',
    en: 'Decision after a failed delivery',
  },
  'task.assign': { it: 'Assegnazione compito', en: 'Task assigned' },
  'task.respond': { it: 'Risposta del volontario al compito', en: 'Volunteer answered a task' },
  'task.complete': { it: 'Esito del compito', en: 'Task outcome recorded' },
  'task.reimburse': { it: 'Rimborso spesa anticipata', en: 'Advanced money reimbursed' },
  'task.read': { it: 'Lettura compiti', en: 'Tasks read' },
  'volunteer.offer': { it: 'Candidatura volontario', en: 'Volunteer offer' },
  'volunteer.read': { it: 'Lettura scheda volontario', en: 'Volunteer record read' },
  'volunteer.search': { it: 'Elenco volontari', en: 'Volunteers listed' },
  'volunteer.create': { it: 'Registrazione volontario', en: 'Volunteer registered' },
  'volunteer.review': { it: 'Esame candidatura volontario', en: 'Volunteer offer reviewed' },
  'volunteer.update': { it: 'Modifica volontario', en: 'Volunteer updated' },
  'volunteer.import': { it: 'Importazione volontari', en: 'Volunteers imported' },
  'goods.item_create': { it: 'Registrazione articolo', en: 'Goods item created' },
  'goods.point_create': { it: 'Registrazione punto di distribuzione', en: 'Distribution point created' },
  'goods.donor_create': { it: 'Registrazione donatore di beni', en: 'Goods donor registered' },
  'stock.donation': { it: 'Carico di una donazione', en: 'Donation received' },
  'stock.transfer': { it: 'Trasferimento di merce', en: 'Stock transfer' },
  'stock.write_off': { it: 'Scarico di merce', en: 'Stock written off' },
  'stock.reverse': { it: 'Storno di un movimento di magazzino', en: 'Stock movement reversed' },
  'fund.line.create': { it: 'Creazione linea di finanziamento', en: 'Funding line created' },
  'fund.movement.create': { it: 'Movimento di fondi', en: 'Fund movement' },
  'fund.movement.reverse': { it: 'Storno di un movimento di fondi', en: 'Fund movement reversed' },
  'fund.allocation.confirm': { it: 'Conferma del riparto dei fondi', en: 'Fund allocation confirmed' },
  'fund.project.create': { it: 'Creazione progetto', en: 'Project created' },
  'fund.action.update': { it: 'Modifica azione', en: 'Action updated' },
  'fund.campaign.create': { it: 'Creazione campagna di raccolta', en: 'Fundraising campaign created' },
  'fund.donation.create': { it: 'Registrazione donazione', en: 'Donation recorded' },
  'fund.donation.list': { it: 'Elenco donazioni', en: 'Donations listed' },
  'fund.donation.receipt': { it: 'Ricevuta di donazione', en: 'Donation receipt issued' },
  'fund.statement.import': { it: 'Importazione estratto conto', en: 'Bank statement imported' },
  'fund.statement.read': { it: 'Lettura estratto conto', en: 'Bank statement read' },
  'fund.statement.match': { it: 'Abbinamento riga di estratto conto', en: 'Bank statement line matched' },
  'donor.read': { it: 'Lettura donatore', en: 'Donor read' },
  'donor.create': { it: 'Registrazione donatore', en: 'Donor registered' },
  'job.completed': { it: 'Lavoro in background completato', en: 'Background job completed' },
  'job.failed': { it: 'Lavoro in background non riuscito', en: 'Background job failed' },
  'open_data.publish': { it: 'Pubblicazione di dati aperti', en: 'Open data published' },
  'user.password_change': { it: 'Cambio password', en: 'Password changed' },
  'round_plan.create': { it: 'Calcolo di un piano dei giri', en: 'Round plan computed' },
  'round_plan.read': { it: 'Lettura piano dei giri', en: 'Round plan read' },
  'round_plan.search': { it: 'Elenco piani dei giri', en: 'Round plans listed' },
  'round_plan.change': { it: 'Modifica piano dei giri', en: 'Round plan changed' },
  'round_plan.publish': { it: 'Pubblicazione dei giri', en: 'Rounds published' },
  'case.create': { it: 'Apertura cartella sociale', en: 'Case file opened' },
  'case.read': { it: 'Lettura cartella sociale', en: 'Case file read' },
  'case.search': { it: 'Ricerca cartelle sociali', en: 'Case files searched' },
  'case.update': { it: 'Modifica cartella sociale', en: 'Case file updated' },
  'case.access_denied': { it: 'Accesso negato a una cartella sociale', en: 'Case file access denied' },
  'case.break_glass': {
    it: 'Accesso d’emergenza a una cartella sociale',
    en: 'Emergency access to a case file',
  },
  'case.board': { it: 'Quadro delle cartelle sociali', en: 'Case board' },
  'case_document.read': { it: 'Lettura documento della cartella', en: 'Case document read' },
  'person.export': { it: 'Esportazione dei dati personali', en: 'Personal data exported' },
  'person.anonymise': { it: 'Anonimizzazione persona', en: 'Person anonymised' },
  'programme.create': { it: 'Creazione programma di sostegno', en: 'Support programme created' },
  'programme.application_create': { it: 'Domanda a un programma', en: 'Programme application made' },
  'programme.application_read': { it: 'Lettura domanda a un programma', en: 'Programme application read' },
  'programme.application_search': {
    it: 'Elenco domande a un programma',
    en: 'Programme applications listed',
  },
  'programme.application_decide': { it: 'Decisione su una domanda', en: 'Programme application decided' },
  'programme.payment': { it: 'Erogazione di un programma', en: 'Programme payment' },
  'voucher.issue': { it: 'Emissione buono', en: 'Voucher issued' },
  'voucher.read': { it: 'Lettura buono', en: 'Voucher read' },
  'voucher.redeem': { it: 'Riscossione buono', en: 'Voucher redeemed' },
  'shop.create': { it: 'Registrazione esercizio convenzionato', en: 'Partner shop registered' },
  'isee.read': { it: 'Lettura ISEE di una persona', en: 'ISEE of a person read' },
  'isee.create': { it: 'Registrazione dichiarazione ISEE', en: 'ISEE declaration recorded' },
  'isee.verify': { it: 'Verifica dichiarazione ISEE', en: 'ISEE declaration verified' },
  'order.create': { it: 'Prenotazione di un servizio', en: 'Service booked' },
  'order.read': { it: 'Lettura ordine', en: 'Order read' },
  'order.search': { it: 'Elenco ordini', en: 'Orders listed' },
  'order.update': { it: 'Cambio di stato di un ordine', en: 'Order status changed' },
  'payment.update': { it: 'Pagamento di un avviso', en: 'Payment notice paid' },
  'service.create': { it: 'Proposta di un servizio', en: 'Service proposed' },
  'service.update': { it: 'Modifica di un servizio', en: 'Service changed' },
  'service.moderate': { it: 'Moderazione di un servizio', en: 'Service moderated' },
  'tariff.create': { it: 'Nuova tariffa ISEE', en: 'ISEE tariff set' },
  'access_point.create': { it: 'Registrazione sportello di prossimità', en: 'Access point registered' },
  'siuss.export': { it: 'Esportazione del file SIUSS', en: 'SIUSS file exported' },
  'siuss.records_read': { it: 'Elenco dei flussi SIUSS', en: 'SIUSS flows listed' },
  'siuss.flows_sent': {
    it: 'Flussi SIUSS consegnati a INPS (WaaS)',
    en: 'SIUSS flows delivered to INPS (WaaS)',
  },
  'siuss.esiti': { it: 'Esiti INPS dei flussi SIUSS', en: 'INPS outcomes of SIUSS flows' },
  'siuss.code_update': { it: 'Modifica codice prestazione SIUSS', en: 'SIUSS benefit code changed' },
  'siuss.ente_update': { it: 'Configurazione SIUSS del Comune', en: 'Comune SIUSS settings changed' },
  'siuss.token_create': { it: 'Nuova chiave WaaS del Comune', en: 'New WaaS key for a comune' },
} as const satisfies Record<string, AuditLabel>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntityType extends AuditLabel {
  /** The page of one record, for those who may open it. */
  path?: (id: string) => string;
  read?: Capability;
}

export const AUDIT_ENTITY_TYPES = {
  person: { it: 'Persona', en: 'Person', path: (id) => `/persone/${id}`, read: 'person.read' },
  household: { it: 'Nucleo familiare', en: 'Household' },
  user: { it: 'Utente', en: 'User' },
  comune: { it: 'Comune', en: 'Comune' },
  organization: { it: 'Organizzazione', en: 'Organisation' },
  membership: { it: 'Ruolo', en: 'Role' },
  request: {
    it: 'Richiesta di aiuto',
    en: 'Help request',
    path: (id) => `/richieste/${id}`,
    read: 'request.read',
  },
  task: { it: 'Compito', en: 'Task', path: (id) => `/compiti/${id}`, read: 'task.read' },
  round_plan: {
    it: 'Piano dei giri',
    en: 'Round plan',
    path: (id) => `/giri?piano=${id}`,
    read: 'task.assign',
  },
  volunteer: { it: 'Volontario', en: 'Volunteer', path: (id) => `/volontari/${id}`, read: 'volunteer.read' },
  volunteer_import: { it: 'Importazione volontari', en: 'Volunteer import' },
  goods_item: { it: 'Articolo', en: 'Goods item' },
  distribution_point: { it: 'Punto di distribuzione', en: 'Distribution point' },
  goods_donor: { it: 'Donatore di beni', en: 'Goods donor' },
  stock_batch: { it: 'Movimento di magazzino', en: 'Stock movement' },
  fund_line: { it: 'Linea di finanziamento', en: 'Funding line' },
  fund_movement: { it: 'Movimento di fondi', en: 'Fund movement' },
  fund_allocation: { it: 'Riparto dei fondi', en: 'Fund allocation' },
  fund_project: { it: 'Progetto', en: 'Project' },
  fund_action: { it: 'Azione', en: 'Action' },
  fund_campaign: { it: 'Campagna di raccolta', en: 'Fundraising campaign' },
  donor: { it: 'Donatore', en: 'Donor' },
  fund_donation: { it: 'Donazione', en: 'Donation' },
  job: { it: 'Lavoro in background', en: 'Background job' },
  open_data: { it: 'Dati aperti', en: 'Open data' },
  case: { it: 'Cartella sociale', en: 'Case file' },
  case_document: { it: 'Documento della cartella', en: 'Case document' },
  programme: { it: 'Programma di sostegno', en: 'Support programme' },
  programme_application: { it: 'Domanda a un programma', en: 'Programme application' },
  voucher: { it: 'Buono', en: 'Voucher' },
  voucher_shop: { it: 'Esercizio convenzionato', en: 'Partner shop' },
  isee: { it: 'Dichiarazione ISEE', en: 'ISEE declaration' },
  order: { it: 'Ordine di un servizio', en: 'Service order' },
  payment_notice: { it: 'Avviso di pagamento', en: 'Payment notice' },
  service: { it: 'Servizio del catalogo', en: 'Catalogue service' },
  tariff_rule: { it: 'Tariffa ISEE', en: 'ISEE tariff' },
  access_point: { it: 'Sportello di prossimità', en: 'Access point' },
  siuss_record: { it: 'Flusso SIUSS', en: 'SIUSS flow' },
  siuss_code: { it: 'Codice prestazione SIUSS', en: 'SIUSS benefit code' },
  siuss_ente: { it: 'Configurazione SIUSS del Comune', en: 'Comune SIUSS settings' },
} as const satisfies Record<string, AuditEntityType>;

export type AuditEntityKind = keyof typeof AUDIT_ENTITY_TYPES;

/** The name of an action or record kind in a language; the code itself for one this list lacks. */
export function auditLabel(catalog: Record<string, AuditLabel>, code: string, locale: 'it' | 'en'): string {
  return catalog[code]?.[locale] ?? code;
}
