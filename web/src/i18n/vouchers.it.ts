/** Italian strings of the vouchers pages (kept apart from it.ts so the module owns them). */
export const vouchersIt = {
  redeem: {
    title: 'Riscuoti un buono spesa',
    lead: (shop: string) => `Cassa di ${shop}: scrivi il codice del buono e l’importo della spesa.`,
    code: 'Codice del buono',
    codeHint: 'Come è stampato sul buono o mostrato sul telefono, ad esempio BS-7K3M-Q9XA-4.',
    amount: 'Importo della spesa (euro)',
    amountHint: 'Anche solo una parte: il resto del credito rimane sul buono.',
    amountInvalid: 'Scrivi un importo in euro, ad esempio 23,50.',
    codeMissing: 'Scrivi il codice del buono.',
    submit: 'Riscuoti',
    done: (amount: string, remaining: string) =>
      `Riscossi ${amount}. Credito residuo sul buono: ${remaining}.`,
    validUntil: (date: string) => `Il buono vale fino al ${date}.`,
    another: 'Riscuoti un altro buono',
  },
};
