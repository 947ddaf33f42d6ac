import type { vouchersIt } from './vouchers.it';

/** English strings of the vouchers pages. */
export const vouchersEn: typeof vouchersIt = {
  redeem: {
    title: 'Redeem a shopping voucher',
    lead: (shop: string) => `Till of ${shop}: type the voucher’s code and the amount of the purchase.`,
    code: 'Voucher code',
    codeHint: 'As printed on the voucher or shown on the phone, for example BS-7K3M-Q9XA-4.',
    amount: 'Amount of the purchase (euro)',
    amountHint: 'Part of it is fine: the rest of the credit stays on the voucher.',
    amountInvalid: 'Type an amount in euro, for example 23.50.',
    codeMissing: 'Type the voucher’s code.',
    submit: 'Redeem',
    done: (amount: string, remaining: string) =>
      `Redeemed ${amount}. Credit left on the voucher: ${remaining}.`,
    validUntil: (date: string) => `The voucher is valid until ${date}.`,
    another: 'Redeem another voucher',
  },
};
