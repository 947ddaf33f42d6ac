import ExcelJS from 'exceljs';
import { toCardinal } from 'n2words/it-IT';
import { renderPdf, type Pdf } from '../../platform/pdf.js';
import type { ProgressReport, Totals } from '../../../../shared/src/funds/funds.schemas.js';
import type { DonationReceipt } from './funds.donations.js';
import { formatEuro } from './funds.rules.js';

/*
 * The progress report as documents: an A4 PDF a councillor can print and an XLSX workbook with the
 * same figures as numbers. Italian throughout. Built from the JSON report, so the three agree.
 */

const SOURCE_LABELS = {
  contributionCents: 'Contributo',
  cofinancingCents: 'Co-finanziamento',
  donationsCents: 'Donazioni',
};

function italianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const pct = (v: number) =>
  `${v.toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

/** The report as an A4 PDF (standard Helvetica, WinAnsi: Italian accents and the euro sign). */
export function reportPdf(report: ProgressReport): Promise<Buffer> {
  return renderPdf({ title: `Stato di avanzamento — ${report.project.title}`, bufferPages: true }, (doc) =>
    drawReport(doc, report),
  );
}

function drawReport(doc: Pdf, report: ProgressReport): void {
  const width = doc.page.width - 112;
  const left = 56;

  const heading = (text: string, size = 13) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor('#06c')
      .text(text, left, doc.y, { width });
    doc.fillColor('black').font('Helvetica').fontSize(10).moveDown(0.3);
  };
  const table = (headers: string[], rows: string[][], widths: number[]) => {
    const draw = (cells: string[], bold: boolean) => {
      const heights = cells.map((c, i) =>
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(c, { width: widths[i]! - 6 }),
      );
      const h = Math.max(...heights) + 6;
      if (doc.y + h > doc.page.height - 56) doc.addPage();
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(9)
          .text(c, x + 3, y + 3, {
            width: widths[i]! - 6,
            align: i === 0 ? 'left' : 'right',
          });
        x += widths[i]!;
      });
      doc
        .moveTo(left, y + h)
        .lineTo(left + width, y + h)
        .strokeColor('#ccc')
        .lineWidth(0.5)
        .stroke();
      doc.x = left;
      doc.y = y + h;
    };
    draw(headers, true);
    for (const r of rows) draw(r, false);
    doc.fontSize(10).moveDown(0.5);
  };
  const totalsRow = (label: string, t: Totals) => [
    label,
    formatEuro(t.contributionCents),
    formatEuro(t.cofinancingCents),
    formatEuro(t.donationsCents),
    formatEuro(t.totalCents),
  ];

  doc
    .font('Helvetica-Bold')
    .fontSize(17)
    .text(`Stato di avanzamento del progetto «${report.project.title}»`, { width });
  doc
    .font('Helvetica')
    .fontSize(10)
    .moveDown(0.3)
    .text(
      `Situazione al ${italianDate(report.asOf)}${report.since ? `, variazioni dal ${italianDate(report.since)}` : ''}. ` +
        `Progetto ${report.project.startYear}–${report.project.endYear}` +
        `${report.project.lead ? `, capofila ${report.project.lead}` : ''}; ${report.project.partnersCount} partner e ` +
        `${report.project.adherentsCount} aderenti. Importi calcolati dal sistema sulle voci di budget e sui movimenti registrati.`,
      { width },
    );

  heading('1. Budget per periodo e tipo di fonte');
  table(
    ['Periodo', 'Contributo', 'Co-finanziamento', 'Donazioni', 'Totale'],
    [
      ...report.totals.periods.map((p) => totalsRow(p.label, p.totals)),
      totalsRow('Totale progetto', report.totals.overall),
    ],
    [143, 88, 88, 80, 84],
  );

  heading('2. Spesa complessiva');
  const s = report.spending;
  table(
    ['Voce', 'Importo'],
    [
      ['Budget', formatEuro(s.budgetCents)],
      ['Speso', formatEuro(s.spentCents)],
      ['Impegnato e non ancora speso', formatEuro(s.committedCents)],
      ['Percentuale spesa', pct(s.percentSpent)],
      ...Object.entries(SOURCE_LABELS).map(([k, label]) => [
        `Speso — ${label.toLowerCase()}`,
        formatEuro(s.bySourceType[k as keyof typeof s.bySourceType]),
      ]),
      ...(report.since ? [[`Speso dal ${italianDate(report.since)}`, formatEuro(s.spentSinceCents)]] : []),
    ],
    [300, 183],
  );

  heading('3. Azioni: stato, indicatori e spesa');
  for (const a of report.actions) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).text(`Azione ${a.code} — ${a.title}`, left, doc.y, { width });
    doc.font('Helvetica').fontSize(10);
    doc.text(
      `Stato: ${a.statusLabel}${a.statusNote ? ` — ${a.statusNote}` : ''}` +
        `${a.implementingPartner ? `. Attuatore: ${a.implementingPartner}` : ''}` +
        `${a.capCents !== null ? `. Tetto per intervento: ${formatEuro(a.capCents)}` : ''}.`,
      { width },
    );
    for (const i of a.indicators)
      doc.text(
        `• ${i.label}: ${i.actualValue}${i.targetValue !== null ? ` su ${i.targetValue}` : ''} ${i.unit}`.trimEnd(),
        { width },
      );
    doc.text(
      `Budget ${formatEuro(a.budget.totalCents)} (contributo ${formatEuro(a.budget.contributionCents)}, co-finanziamento ` +
        `${formatEuro(a.budget.cofinancingCents)}, donazioni ${formatEuro(a.budget.donationsCents)}); speso ${formatEuro(a.spentCents)} ` +
        `(${pct(a.percentSpent)})${report.since ? `, di cui ${formatEuro(a.spentSinceCents)} dal ${italianDate(report.since)}` : ''}.`,
      { width },
    );
    if (a.lines.length > 0)
      table(
        ['Intervento', 'Budget', 'Speso'],
        a.lines.map((l) => [l.label, formatEuro(l.budgetCents), formatEuro(l.spentCents)]),
        [283, 100, 100],
      );
    doc.moveDown(0.4);
  }

  heading('4. Budget e spesa per partner');
  table(
    ['Partner', 'Contributo', 'Co-finanz.', 'Donazioni', 'Speso', '%'],
    report.partners.map((p) => [
      p.name,
      formatEuro(p.budget.contributionCents),
      formatEuro(p.budget.cofinancingCents),
      formatEuro(p.budget.donationsCents),
      formatEuro(p.spentCents),
      pct(p.percentSpent),
    ]),
    [143, 76, 76, 68, 76, 44],
  );

  if (report.campaigns.length > 0) {
    heading('5. Raccolta fondi');
    table(
      ['Campagna', 'Donatori', 'Raccolto', 'Contatti'],
      report.campaigns.map((c) => [c.title, String(c.donors), formatEuro(c.raisedCents), String(c.contacts)]),
      [223, 80, 100, 80],
    );
  }

  heading(
    `${report.campaigns.length > 0 ? 6 : 5}. Aderenti all’accordo di rete (${report.adherents.length})`,
  );
  doc.fontSize(9).text(report.adherents.join('; '), { width });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(
        `${report.project.title} — situazione al ${italianDate(report.asOf)} — pagina ${i + 1} di ${range.count}`,
        left,
        doc.page.height - 40,
        {
          width,
          align: 'center',
        },
      );
    doc.page.margins.bottom = bottom;
  }
}

const CHANNEL_LABELS = { bank_transfer: 'bonifico bancario', cash: 'contanti', online: 'pagamento online' };

/** An amount as receipts write it in words: «quarantaduemilasettecentotto/00». */
export function euroInWords(cents: number): string {
  return `${toCardinal(Math.floor(cents / 100))}/${String(cents % 100).padStart(2, '0')}`;
}

/** The receipt of a donation: A4, numbered, the amount in figures and in words. */
export function receiptPdf(receipt: DonationReceipt): Promise<Buffer> {
  const { donation, campaign } = receipt;
  const title = `Ricevuta n. ${receipt.number} del ${italianDate(receipt.issuedOn)}`;
  return renderPdf({ title }, (doc) => {
    const width = doc.page.width - 112;
    doc.font('Helvetica-Bold').fontSize(16).text('Ricevuta di erogazione liberale', { width });
    doc.font('Helvetica').fontSize(11).moveDown(0.3).text(title, { width });
    doc.moveDown(1.2).fontSize(11);
    const line = (label: string, value: string) =>
      doc
        .font('Helvetica-Bold')
        .text(`${label}: `, { continued: true })
        .font('Helvetica')
        .text(value, { width });
    line('Beneficiario', campaign.holder ?? 'Legami');
    line('Campagna', campaign.title);
    if (campaign.iban) line('Conto (IBAN)', campaign.iban.replace(/(.{4})/g, '$1 ').trim());
    line(
      'Donatore',
      donation.donor
        ? `${donation.donor.name}${donation.donor.taxCode ? `, codice fiscale ${donation.donor.taxCode}` : ''}`
        : 'anonimo',
    );
    line('Importo', `${formatEuro(donation.amountCents)} (euro ${euroInWords(donation.amountCents)})`);
    line('Ricevuto il', `${italianDate(donation.receivedOn)}, con ${CHANNEL_LABELS[donation.channel]}`);
    doc
      .moveDown(1.5)
      .fontSize(10)
      .text(
        'Si rilascia la presente ricevuta a titolo di quietanza per l’erogazione liberale in denaro sopra indicata, ' +
          'destinata alle finalità della campagna. Conservarla per le detrazioni o deduzioni previste dalla legge.',
        { width },
      );
  });
}

const EURO = '#,##0.00 "€"';

/** The report as an XLSX workbook; amounts are numbers in euros with two decimals. */
export async function reportXlsx(report: ProgressReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Legami';
  wb.title = `Stato di avanzamento — ${report.project.title}`;
  const euros = (c: number) => c / 100;

  const summary = wb.addWorksheet('Sintesi', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true },
  });
  summary.addRow([`Stato di avanzamento — ${report.project.title}`]).font = { bold: true, size: 14 };
  summary.addRow([`Situazione al ${italianDate(report.asOf)}`]);
  summary.addRow([]);
  summary.addRow(['Periodo', 'Contributo', 'Co-finanziamento', 'Donazioni', 'Totale']).font = { bold: true };
  for (const p of [...report.totals.periods, { label: 'Totale progetto', totals: report.totals.overall }]) {
    summary.addRow([
      p.label,
      euros(p.totals.contributionCents),
      euros(p.totals.cofinancingCents),
      euros(p.totals.donationsCents),
      euros(p.totals.totalCents),
    ]);
  }
  summary.addRow([]);
  summary.addRow(['Speso', euros(report.spending.spentCents)]);
  summary.addRow(['Impegnato', euros(report.spending.committedCents)]);
  summary.addRow(['Percentuale spesa', report.spending.percentSpent / 100]).getCell(2).numFmt = '0.0%';
  summary.columns.forEach((c, i) => {
    c.width = i === 0 ? 34 : 18;
    if (i > 0) c.numFmt = EURO;
  });

  const actions = wb.addWorksheet('Azioni', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true },
  });
  actions.addRow(['Azione', 'Titolo', 'Stato', 'Nota', 'Indicatori', 'Budget', 'Speso', '% speso']).font = {
    bold: true,
  };
  for (const a of report.actions) {
    actions.addRow([
      a.code,
      a.title,
      a.statusLabel,
      a.statusNote ?? '',
      a.indicators
        .map((i) => `${i.label}: ${i.actualValue}${i.targetValue !== null ? `/${i.targetValue}` : ''}`)
        .join('; '),
      euros(a.budget.totalCents),
      euros(a.spentCents),
      a.percentSpent / 100,
    ]);
  }
  actions.columns.forEach((c, i) => {
    c.width = [8, 36, 14, 40, 40, 16, 16, 10][i];
    if (i === 5 || i === 6) c.numFmt = EURO;
    if (i === 7) c.numFmt = '0.0%';
  });

  const partners = wb.addWorksheet('Partner', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true },
  });
  partners.addRow([
    'Partner',
    'Ruolo',
    'Contributo',
    'Co-finanziamento',
    'Donazioni',
    'Totale',
    'Speso',
    '% speso',
  ]).font = { bold: true };
  for (const p of report.partners) {
    partners.addRow([
      p.name,
      p.role === 'lead' ? 'Capofila' : 'Partner',
      euros(p.budget.contributionCents),
      euros(p.budget.cofinancingCents),
      euros(p.budget.donationsCents),
      euros(p.budget.totalCents),
      euros(p.spentCents),
      p.percentSpent / 100,
    ]);
  }
  partners.columns.forEach((c, i) => {
    c.width = i === 0 ? 50 : 16;
    if (i >= 2 && i <= 6) c.numFmt = EURO;
    if (i === 7) c.numFmt = '0.0%';
  });

  const adherents = wb.addWorksheet('Aderenti');
  adherents.addRow(['N.', 'Aderente all’accordo di rete']).font = { bold: true };
  report.adherents.forEach((name, i) => adherents.addRow([i + 1, name]));
  adherents.getColumn(2).width = 70;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
