import { constants, inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, for tests: every content stream inflated, the strings of its TJ operators
 * joined line by line (pdfkit writes WinAnsi text as hex strings split at kerning points).
 * pdfkit frames a stream as `stream\n…\nendstream`: a `\r?` in the pattern would eat a compressed
 * stream's last byte whenever it is 0x0D (one page in 256), and the page's text would vanish.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1'), {
        finishFlush: constants.Z_SYNC_FLUSH,
      }).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      texts.push(
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
          .join(''),
      );
    }
  }
  return texts.join('\n');
}
