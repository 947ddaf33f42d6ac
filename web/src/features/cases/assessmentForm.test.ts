import { describe, expect, it } from 'vitest';
import { KATZ_ADL, LAWTON_IADL } from '../../../../shared/src/cases/assessment';
import { answeredCount, assessmentFieldId, scoreSoFar } from './assessmentForm';

const allKatz = (value: string) => Object.fromEntries(KATZ_ADL.items.map((i) => [i.key, value]));

describe('the assessment form while it is filled', () => {
  it('gives no Katz score until all six items are answered', () => {
    const answers = { ...allKatz('independent'), feeding: undefined };
    expect(scoreSoFar(KATZ_ADL, answers)).toBeNull();
    expect(answeredCount(KATZ_ADL, answers)).toBe(5);
  });

  it('counts one Katz point per independent activity', () => {
    expect(
      scoreSoFar(KATZ_ADL, { ...allKatz('independent'), bathing: 'dependent', dressing: 'dependent' }),
    ).toBe(4);
  });

  it('scores the Lawton levels as the original instrument (housekeeping d still scores 1)', () => {
    const answers = Object.fromEntries(LAWTON_IADL.items.map((i) => [i.key, 'a']));
    expect(scoreSoFar(LAWTON_IADL, answers)).toBe(8);
    expect(scoreSoFar(LAWTON_IADL, { ...answers, housekeeping: 'd', shopping: 'b' })).toBe(7);
  });

  it('ignores an option the scale does not know', () => {
    expect(scoreSoFar(KATZ_ADL, { ...allKatz('independent'), bathing: 'sometimes' })).toBeNull();
  });

  it('names fields after the server’s field paths', () => {
    expect(assessmentFieldId('katz_adl.bathing')).toBe('assessment-katz_adl-bathing');
  });
});
