import PDFDocument from 'pdfkit';

/*
 * Every PDF Legami produces: A4, in Italian, the 14 standard fonts (Helvetica: WinAnsi covers the
 * Italian accents and the euro sign), with 2 cm margins unless asked otherwise.
 */

export type Pdf = InstanceType<typeof PDFDocument>;

/** Lays a document out with `draw` and returns its bytes. */
export function renderPdf(
  info: { title: string; margin?: number; bufferPages?: boolean },
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  const margin = info.margin ?? 56;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    info: { Title: info.title, Author: 'Legami' },
    lang: 'it-IT',
    bufferPages: info.bufferPages ?? false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
