import { describe, expect, it } from 'vitest';
import { centsToInput, formatCents, parseEuroCents } from './money';

describe('parseEuroCents', () => {
  it('reads euros with a comma exactly, without float rounding', () => {
    expect(parseEuroCents('23,50')).toBe(2350);
    expect(parseEuroCents('0,29')).toBe(29);
    expect(parseEuroCents('19,99')).toBe(1999);
    expect(parseEuroCents('4,1')).toBe(410);
  });

  it('accepts whole euros, a dot as decimal point, thousands separators and the euro sign', () => {
    expect(parseEuroCents('12')).toBe(1200);
    expect(parseEuroCents('12.05')).toBe(1205);
    expect(parseEuroCents('1.234,50')).toBe(123450);
    expect(parseEuroCents(' 7,00 € ')).toBe(700);
  });

  it('refuses what is not an amount', () => {
    expect(parseEuroCents('')).toBeNull();
    expect(parseEuroCents('abc')).toBeNull();
    expect(parseEuroCents('1,234')).toBeNull();
    expect(parseEuroCents('-3')).toBeNull();
  });
});

describe('centsToInput and formatCents', () => {
  it('write cents back as euros', () => {
    expect(centsToInput(2350)).toBe('23,50');
    expect(centsToInput(5)).toBe('0,05');
    expect(formatCents(2350, 'it')).toMatch(/^23,50\s€$/);
    expect(formatCents(2350, 'en')).toBe('€23.50');
  });
});
