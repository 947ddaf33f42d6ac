import { describe, expect, it } from 'vitest';
import { emptyRequest, toCreateRequestBody } from './requestForm';

const PERSON = '6f1c5a8e-2d7b-4c11-9e0a-3b5d7f9a1c2e';

describe('toCreateRequestBody', () => {
  it('sends a phone request with normal urgency and no schedule by default', () => {
    const body = toCreateRequestBody({ ...emptyRequest(), interventionTypeId: 'home_meals' }, PERSON, false);
    expect(body).toMatchObject({
      channel: 'phone',
      beneficiaryId: PERSON,
      interventionTypeId: 'home_meals',
      urgency: 'normal',
      preferredDate: null,
      windowStart: null,
      recurrence: 'none',
      recurrenceUntil: null,
      requesterName: null,
    });
    expect(body).not.toHaveProperty('confirmSimilar');
  });

  it('sends the weekly end only for a weekly request', () => {
    const values = { ...emptyRequest(), recurrenceUntil: '2026-12-31' };
    expect(toCreateRequestBody(values, PERSON, false).recurrenceUntil).toBeNull();
    expect(toCreateRequestBody({ ...values, weekly: true }, PERSON, false)).toMatchObject({
      recurrence: 'weekly',
      recurrenceUntil: '2026-12-31',
    });
  });

  it('confirms an open similar request only when asked', () => {
    expect(toCreateRequestBody(emptyRequest(), PERSON, true).confirmSimilar).toBe(true);
  });
});
