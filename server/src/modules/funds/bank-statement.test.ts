import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readUploadedCsv } from '../../platform/http/csv.js';
import { matchStatement, parseEuroCents, readBankStatement, type OpenDonation } from './bank-statement.js';

const csv = (text: string) => readUploadedCsv(new TextEncoder().encode(text))!;

const STATEMENT = [
  'Conto corrente IT32E0503411401000000191919;;;;',
  'Periodo: 01/04/2020 - 30/04/2020;;;;',
  'Data contabile;Data valuta;Importo;Divisa;Descrizione',
  '02/04/2020;01/04/2020;50,00;EUR;BONIFICO A VOSTRO FAVORE DA ROSSI MARIA CAUSALE CREMONAIUTA',
  '03/04/2020;03/04/2020;-12,50;EUR;COMMISSIONI',
  '03/04/2020;03/04/2020;1.250,00;EUR;BONIFICO DA COOP LOMBARDIA SOC. COOP.',
  '04/04/2020;04/04/2020;10,00;EUR;BONIFICO DA BIANCHI LUCA',
  '04/04/2020;04/04/2020;10,00;EUR;BONIFICO DA BIANCHI LUCA',
  'ieri;;abc;EUR;???',
].join('\n');

describe('bank statements', () => {
  it('reads euro amounts as banks write them', () => {
    expect(parseEuroCents('1.234,56')).toBe(123456);
    expect(parseEuroCents('-25,00')).toBe(-2500);
    expect(parseEuroCents('+10')).toBe(1000);
    expect(parseEuroCents('25.5')).toBe(2550);
    expect(parseEuroCents('€ 1.000')).toBe(100000);
    expect(parseEuroCents('1,234.56')).toBe(123456);
    expect(parseEuroCents('dieci')).toBeNull();
    expect(parseEuroCents('')).toBeNull();
  });

  it('finds the header under the bank’s preamble, keeps the credits and reports unreadable rows', () => {
    const read = readBankStatement(csv(STATEMENT))!;
    expect(read.lines.map((l) => [l.bookedOn, l.amountCents])).toEqual([
      ['2020-04-02', 5000],
      ['2020-04-03', 125000],
      ['2020-04-04', 1000],
      ['2020-04-04', 1000],
    ]);
    expect(read.lines[0]).toMatchObject({ valueOn: '2020-04-01', fileLine: 4 });
    expect(read.problems).toEqual([{ fileLine: 9, message: expect.stringContaining('data') }]);
    // Two identical gifts are two lines, and re-reading gives the same keys.
    expect(new Set(read.lines.map((l) => l.key)).size).toBe(4);
    expect(readBankStatement(csv(STATEMENT))!.lines.map((l) => l.key)).toEqual(read.lines.map((l) => l.key));
  });

  it('reads the two-column layout (credits and debits apart)', () => {
    const read = readBankStatement(
      csv(
        'Data operazione,Descrizione,Addebiti,Accrediti\n05/05/2020,Bonifico Verdi,,"20,00"\n05/05/2020,Spesa,"5,00",\n',
      ),
    )!;
    expect(read.lines.map((l) => [l.amountCents, l.description])).toEqual([[2000, 'Bonifico Verdi']]);
    expect(read.problems).toEqual([]);
  });

  it('says when a file is not a statement', () => {
    expect(readBankStatement(csv('Nome;Cognome\nMaria;Rossi\n'))).toBeNull();
  });

  const lines = readBankStatement(csv(STATEMENT))!.lines;
  const donation = (
    id: string,
    amountCents: number,
    receivedOn: string,
    donorName: string | null,
  ): OpenDonation => ({
    id,
    amountCents,
    receivedOn,
    donorName,
  });

  it('matches by amount, date and the donor’s name, never a named donor by amount alone', () => {
    const matches = matchStatement(lines, [
      donation('rossi', 5000, '2020-03-31', 'Maria Rossi'),
      donation('verdi', 5000, '2020-04-02', 'Anna Verdi'),
      donation('coop', 125000, '2020-04-01', 'Coop Lombardia'),
      donation('late', 125000, '2020-05-01', null),
    ]);
    expect(matches).toEqual([
      { lineKey: lines[0]!.key, donationId: 'rossi' },
      { lineKey: lines[1]!.key, donationId: 'coop' },
    ]);
  });

  it('leaves a tie to the operator and uses each donation once', () => {
    const tie = matchStatement(
      [lines[0]!],
      [donation('a', 5000, '2020-04-02', null), donation('b', 5000, '2020-04-02', null)],
    );
    expect(tie).toEqual([]);
    const twice = matchStatement(lines.slice(2), [donation('one', 1000, '2020-04-04', 'Luca Bianchi')]);
    expect(twice).toHaveLength(1);
  });

  it('does not depend on the order of the lines or of the donations', () => {
    const donations = [
      donation('rossi', 5000, '2020-04-01', 'Maria Rossi'),
      donation('b1', 1000, '2020-04-04', 'Luca Bianchi'),
      donation('b2', 1000, '2020-04-03', 'Luca Bianchi'),
      donation('coop', 125000, '2020-04-03', 'Coop Lombardia'),
    ];
    const expected = new Set(matchStatement(lines, donations).map((m) => `${m.lineKey}>${m.donationId}`));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(lines, { minLength: lines.length }),
        fc.shuffledSubarray(donations, { minLength: donations.length }),
        (l, d) => {
          const got = new Set(matchStatement(l, d).map((m) => `${m.lineKey}>${m.donationId}`));
          expect([...got].sort()).toEqual([...expected].sort());
        },
      ),
    );
  });
});
