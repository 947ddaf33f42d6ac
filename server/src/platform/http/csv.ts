import { stringify } from 'csv-stringify/sync';

/**
 * CSV as Italian Excel opens it: `;` between fields (the comma is the decimal separator there),
 * a UTF-8 byte-order mark so accented letters survive, CRLF line ends.
 */
export function excelCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return (
    '\uFEFF' +
    stringify(rows as (string | number | null)[][], { delimiter: ';', record_delimiter: 'windows' })
  );
}
