import { renderPdf } from '../../platform/pdf.js';
import type { DonationReceipt } from './goods.service.js';

const italianDate = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
const UNITS: Record<string, string> = { pz: 'pz', kg: 'kg', l: 'l', conf: 'conf.' };

/** The receipt of a donation of goods, for the donor: who, when, where, and every lot received. */
export function donationReceiptPdf({ batch, donor, point }: DonationReceipt): Promise<Buffer> {
  const title = `Ricevuta n. ${batch.receiptNumber} del ${italianDate(batch.occurredOn)}`;
  return renderPdf({ title }, (doc) => {
    const width = doc.page.width - 112;
    doc.font('Helvetica-Bold').fontSize(16).text('Ricevuta di donazione di beni', { width });
    doc.font('Helvetica').fontSize(11).moveDown(0.3).text(title, { width });
    doc.moveDown(1.2).fontSize(11);
    const line = (label: string, value: string) =>
      doc
        .font('Helvetica-Bold')
        .text(`${label}: `, { continued: true })
        .font('Helvetica')
        .text(value, { width });
    line(
      'Donatore',
      `${donor.name}${donor.vat_number ? `, partita IVA ${donor.vat_number}` : ''}${donor.address ? `, ${donor.address}` : ''}`,
    );
    line('Ricevuto da', `${point.organization_name}, ${point.name} (${point.address}, ${point.comune_name})`);
    line('Ricevuto il', italianDate(batch.occurredOn));
    doc.moveDown(0.8).font('Helvetica-Bold').text('Beni ricevuti', { width }).font('Helvetica');
    for (const m of batch.movements) {
      const expiry = m.expiryDate ? `, scadenza ${italianDate(m.expiryDate)}` : '';
      doc.text(`• ${m.itemName}: ${m.quantity} ${UNITS[m.unit] ?? m.unit}${expiry}`, { width });
    }
    if (batch.reversedByBatchId)
      doc.moveDown(0.8).font('Helvetica-Bold').text('Questa donazione è stata stornata.', { width });
    doc
      .moveDown(1.5)
      .font('Helvetica')
      .fontSize(10)
      .text(
        'Si rilascia la presente ricevuta per la cessione gratuita dei beni sopra indicati, destinati alla ' +
          'distribuzione a persone in difficoltà. Conservarla per gli adempimenti previsti dalla legge.',
        { width },
      );
  });
}
