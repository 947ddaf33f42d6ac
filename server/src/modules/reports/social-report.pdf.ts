import { renderPdf, type Pdf } from '../../platform/pdf.js';
import {
  NARRATIVE_SECTIONS,
  type ReportTable,
  type SocialReport,
} from '../../../../shared/src/reports/social-report.schemas.js';
import { formatEuro } from '../funds/index.js';
import { NARRATIVE_TITLES, SUPPRESSED_NOTE, shownCount, shownHours } from './social-report.text.js';

/*
 * The annual report as an A4 PDF: the staff's narrative, the key figures, every table's territory
 * totals with a bar chart, and the comuni. Built from the stored report only, so a published
 * version prints the same figures for ever.
 */

export function socialReportPdf(report: SocialReport): Promise<Buffer> {
  const title = `Rapporto sociale ${report.year} — ${report.territoryName}`;
  return renderPdf({ title }, (doc) => draw(doc, title, report));
}

function draw(doc: Pdf, title: string, report: SocialReport): void {
  const figures = report.figures!;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const roomFor = (h: number) => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const heading = (text: string, size = 13) => {
    roomFor(60);
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor('#06c')
      .text(text, left, doc.y, { width });
    doc.fillColor('black').font('Helvetica').fontSize(10).moveDown(0.3);
  };
  const rows = (pairs: [string, string][]) => {
    for (const [label, value] of pairs) {
      roomFor(16);
      const y = doc.y;
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(label, left, y, { width: width * 0.7 });
      doc.font('Helvetica-Bold').text(value, left + width * 0.7, y, { width: width * 0.3, align: 'right' });
      doc.font('Helvetica').moveDown(0.2);
    }
  };
  const bars = (table: ReportTable) => {
    const values = table.columnTotals.map((v) => v ?? 0);
    const max = Math.max(1, ...values);
    for (const [i, column] of table.columns.entries()) {
      roomFor(16);
      const y = doc.y;
      const value = table.columnTotals[i] ?? null;
      doc.fontSize(9).text(column.label, left, y, { width: width * 0.35 });
      const barWidth = ((value ?? 0) / max) * width * 0.45;
      if (barWidth > 0)
        doc
          .rect(left + width * 0.37, y + 1, barWidth, 8)
          .fill('#06c')
          .fillColor('black');
      doc.text(shownCount(value), left + width * 0.85, y, { width: width * 0.15, align: 'right' });
      doc.moveDown(0.3);
    }
    rows([['Totale', shownCount(table.total)]]);
  };

  doc.font('Helvetica-Bold').fontSize(18).text(title, { width });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `${report.status === 'published' ? 'Versione pubblicata' : 'Bozza'} n. ${report.version} · ` +
        `${figures.population.toLocaleString('it-IT')} residenti · ${figures.areas.length} aree`,
    );
  doc.moveDown(0.3).fontSize(9).text(SUPPRESSED_NOTE, { width });

  for (const key of NARRATIVE_SECTIONS) {
    const text = report.narrative[key];
    if (!text) continue;
    heading(NARRATIVE_TITLES[key]);
    doc.fontSize(10).text(text, { width, align: 'justify' });
  }

  heading('Tempi di risposta e volontariato');
  rows([
    ['Richieste completate', shownCount(figures.responseTimes.completed)],
    ['Tempo mediano dalla richiesta al completamento', shownHours(figures.responseTimes.medianHours)],
    ['90° percentile', shownHours(figures.responseTimes.p90Hours)],
    ['Volontari attivi', shownCount(figures.volunteers.active)],
    ['Ore di servizio dei volontari', shownHours(figures.volunteers.hours)],
    ['Interventi svolti dai volontari', shownCount(figures.volunteers.tasksDone)],
  ]);

  for (const table of figures.tables) {
    heading(table.title, 12);
    bars(table);
  }

  heading('Catalogo dei servizi: ordini e spesa per fascia tariffaria');
  rows(
    figures.catalog.bands.map((b) => [
      `${b.label}: ${shownCount(b.orders)} ordini`,
      b.totalCents === null ? 'c' : formatEuro(b.totalCents),
    ]),
  );
  heading('Fondi assegnati e spesi per fonte');
  rows(
    figures.funds.map((f) => [
      `${f.label}: assegnati ${f.allocatedCents === null ? 'c' : formatEuro(f.allocatedCents)}`,
      `spesi ${f.spentCents === null ? 'c' : formatEuro(f.spentCents)}`,
    ]),
  );
  heading('Dimissioni protette, beni e buoni');
  rows([
    ['Dimissioni protette', shownCount(figures.discharges.total)],
    ['Pacchi alimentari', shownCount(figures.goods.parcels)],
    ['Buoni spesa emessi', shownCount(figures.vouchers.issued)],
    [
      'Valore dei buoni emessi',
      figures.vouchers.issuedCents === null ? 'c' : formatEuro(figures.vouchers.issuedCents),
    ],
  ]);
  heading('Andamento negli anni');
  rows(
    figures.trends.map((t) => [
      `${t.year}: persone raggiunte ${shownCount(t.peopleReached)}, volontari ${shownCount(t.volunteersActive)}`,
      `richieste ${shownCount(t.requests)}`,
    ]),
  );
  heading('Richieste per area');
  const byType = figures.tables.find((t) => t.id === 'requests-by-type')!;
  rows(figures.areas.map((a, i) => [a.name, shownCount(byType.rowTotals[i] ?? null)]));
}
