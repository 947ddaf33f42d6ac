import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { renderPdf } from '../../platform/pdf.js';
import type { Statement } from '../../../../shared/src/catalog/catalog.schemas.js';
import { formatEuro } from '../funds/index.js';

/*
 * The provider's monthly statement per comune as documents: CSV (Italian separators), XLSX (amounts
 * as numbers) and an A4 PDF to send to the comuni. All three from the same Statement, so they agree.
 */

const HEADERS = [
  'Comune',
  'Codice ISTAT',
  'Ordini',
  'Quantità',
  'Pagato dai cittadini (€)',
  'A carico del comune (€)',
];

const decimal = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function monthName(month: string): string {
  const [year, m] = month.split('-');
  const name = new Date(Date.UTC(Number(year), Number(m) - 1, 15)).toLocaleString('it-IT', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${name} ${year}`;
}

function totals(statement: Statement) {
  return statement.rows.reduce(
    (t, r) => ({
      orders: t.orders + r.orders,
      quantity: t.quantity + r.quantity,
      paid: t.paid + r.paidByCitizensCents,
      owed: t.owed + r.owedByComuneCents,
    }),
    { orders: 0, quantity: 0, paid: 0, owed: 0 },
  );
}

export function statementCsv(statement: Statement): string {
  return stringify(
    [
      HEADERS,
      ...statement.rows.map((r) => [
        r.comuneName,
        r.comuneCode,
        r.orders,
        r.quantity,
        decimal(r.paidByCitizensCents),
        decimal(r.owedByComuneCents),
      ]),
    ],
    { delimiter: ';' },
  );
}

export async function statementXlsx(statement: Statement): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Rendiconto ${statement.month}`);
  sheet.addRow([`${statement.providerName} – rendiconto ${statement.month}`]);
  sheet.addRow(HEADERS);
  for (const r of statement.rows) {
    sheet.addRow([
      r.comuneName,
      r.comuneCode,
      r.orders,
      r.quantity,
      r.paidByCitizensCents / 100,
      r.owedByComuneCents / 100,
    ]);
  }
  sheet.getColumn(5).numFmt = '#,##0.00';
  sheet.getColumn(6).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The statement as an A4 PDF: one row per comune and the month's totals. */
export function statementPdf(statement: Statement): Promise<Buffer> {
  const title = `Rendiconto di ${monthName(statement.month)} – ${statement.providerName}`;
  return renderPdf({ title }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const widths = [150, 62, 50, 58, 81, 82];
    const row = (cells: string[], bold: boolean) => {
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 6;
      if (y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.text(c, x + 3, top + 3, { width: widths[i]! - 6, align: i < 2 ? 'left' : 'right' });
        x += widths[i]!;
      });
      doc
        .moveTo(left, top + height)
        .lineTo(left + width, top + height)
        .strokeColor('#ccc')
        .lineWidth(0.5)
        .stroke();
      doc.x = left;
      doc.y = top + height;
    };
    doc.font('Helvetica-Bold').fontSize(15).text(title, { width });
    doc
      .font('Helvetica')
      .fontSize(10)
      .moveDown(0.4)
      .text(
        'Ordini del catalogo con inizio nel mese, esclusi quelli rifiutati o annullati, per comune del beneficiario. ' +
          'La quota a carico del comune è la differenza tra il prezzo calmierato e il prezzo pagato dal cittadino secondo la sua fascia ISEE.',
        { width },
      )
      .moveDown(0.8);
    row(HEADERS, true);
    for (const r of statement.rows) {
      row(
        [
          r.comuneName,
          r.comuneCode,
          String(r.orders),
          String(r.quantity),
          formatEuro(r.paidByCitizensCents),
          formatEuro(r.owedByComuneCents),
        ],
        false,
      );
    }
    const t = totals(statement);
    row(['Totale', '', String(t.orders), String(t.quantity), formatEuro(t.paid), formatEuro(t.owed)], true);
    if (statement.rows.length === 0) {
      doc
        .moveDown(0.6)
        .font('Helvetica')
        .fontSize(10)
        .text('Nessun ordine nel mese.', left, doc.y, { width });
    }
  });
}
