import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import { readPopulationByAge } from './territory.population.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const FIXTURE = readFileSync(new URL('./fixtures/popolazione-eta-prova.csv', import.meta.url));

describe('reading ISTAT residents by age', () => {
  it('sums the residents aged 65 and over of each comune, skipping the total row, dated by the title', () => {
    const result = readPopulationByAge(FIXTURE);
    expect(result.asOf).toBe('2024-01-01');
    expect(result.comuni).toHaveLength(48);
    // Crema in the fixture: 684 aged 65, 342 aged 80, 1 aged 100 and over; the 999 row is the total.
    expect(result.comuni.find((c) => c.istatCode === '019035')).toEqual({
      istatCode: '019035',
      over65: 1027,
    });
  });

  it('adds males and females when there is no total column, and reads a code that lost its leading zero', () => {
    const result = readPopulationByAge(
      bytes(
        'Codice comune,Comune,Età,Totale Maschi,Totale Femmine\n19036,Cremona,64,10,10\n19036,Cremona,65,3,4\n19036,Cremona,100+,1,1\n',
      ),
      '2023-01-01',
    );
    expect(result).toEqual({ asOf: '2023-01-01', comuni: [{ istatCode: '019036', over65: 9 }] });
  });

  it('refuses the whole file for one malformed row, naming its line', () => {
    let message = '';
    try {
      readPopulationByAge(bytes('Codice comune;Età;Totale\n019036;65;12\n019036;settanta;3\n'), '2024-01-01');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Riga 3');
    expect(message).toContain('«Età»');
  });

  it('refuses a file without the expected columns or without a reference date', () => {
    expect(
      errorCodeOf(() => readPopulationByAge(bytes('comune;abitanti\nCremona;70000\n'), '2024-01-01')),
    ).toBe('POPULATION_FILE_INVALID');
    expect(errorCodeOf(() => readPopulationByAge(bytes('Codice comune;Età;Totale\n019036;65;12\n')))).toBe(
      'POPULATION_FILE_INVALID',
    );
  });
});
