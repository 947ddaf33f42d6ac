import { randomUUID } from 'node:crypto';
import { buildNoticeNumber, iuvBaseOf } from './catalog.pagopa.js';

/*
 * Payment providers, shaped like pagoPA: the creditor creates a debt position with a payment
 * notice (avviso: notice number, creditor's codice fiscale, amount, due date, reason), the citizen
 * pays it at a PSP, and the creditor learns the outcome with a receipt. Orders call only this
 * interface, so a GPD (Gestione Posizioni Debitorie) adapter implements the same four methods
 * against the GPD REST API without touching orders.
 */

export interface NoticeRequest {
  creditorTaxCode: string;
  segregationCode: string;
  /** A number unique for the creditor: the IUV base is derived from it. */
  sequence: string;
  amountCents: number;
  dueDate: string;
  reason: string;
  debtor: { fullName: string; fiscalCode: string | null };
}

export interface NoticeCreated {
  noticeNumber: string;
  iuv: string;
}

export type NoticeStatus = 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled';

export interface PaymentOutcome {
  status: 'paid' | 'failed';
  receipt: Record<string, unknown> | null;
  message: string | null;
}

export interface PaymentProvider {
  readonly name: string;
  /** Registers the debt position and returns its notice. */
  createNotice(request: NoticeRequest): Promise<NoticeCreated>;
  /**
   * Runs or checks a payment of a notice. The development provider simulates the PSP; a GPD
   * adapter would read the position's status and receipt instead.
   */
  pay(
    notice: NoticeCreated & { amountCents: number },
    simulate: 'success' | 'failure',
  ): Promise<PaymentOutcome>;
  /** Invalidates a notice not yet paid (order declined or cancelled). */
  cancel(notice: NoticeCreated): Promise<void>;
}

/** The default in development and tests: builds real-format notice numbers and simulates the PSP. */
export const developmentPaymentProvider: PaymentProvider = {
  name: 'development',
  createNotice: (request) => {
    const built = buildNoticeNumber(request.segregationCode, iuvBaseOf(BigInt(request.sequence)));
    return Promise.resolve({ noticeNumber: built.noticeNumber, iuv: built.iuv });
  },
  pay: (notice, simulate) =>
    Promise.resolve(
      simulate === 'success'
        ? {
            status: 'paid',
            receipt: {
              receiptId: `DEV-${randomUUID()}`,
              psp: 'PSP di sviluppo (simulato)',
              noticeNumber: notice.noticeNumber,
              iuv: notice.iuv,
              amountCents: notice.amountCents,
              paidAt: new Date().toISOString(),
            },
            message: null,
          }
        : {
            status: 'failed',
            receipt: null,
            message: 'Pagamento non riuscito (simulazione del fornitore di sviluppo).',
          },
    ),
  cancel: () => Promise.resolve(),
};

let current: PaymentProvider = developmentPaymentProvider;

/** The payment provider in use (the development one unless configured otherwise). */
export function paymentProvider(): PaymentProvider {
  return current;
}

/** Replaces the provider (a GPD adapter at start-up, a stub in a test). */
export function usePaymentProvider(provider: PaymentProvider): void {
  current = provider;
}
