import { describe, expect, it } from 'vitest';
import { callState, partnershipProblem, rankProposals, scoreProblem } from './codesign.rules.js';

describe('call state', () => {
  const call = { opensOn: '2025-05-05', closesOn: '2025-06-20' };
  it('is open between its dates, closed after, awarded with an agreement', () => {
    expect(callState(call, false, '2025-05-04')).toBe('upcoming');
    expect(callState(call, false, '2025-06-20')).toBe('open');
    expect(callState(call, false, '2025-06-21')).toBe('closed');
    expect(callState(call, true, '2025-09-01')).toBe('awarded');
  });
});

describe('scores', () => {
  const criteria = [
    { id: 'a', maxScore: 40 },
    { id: 'b', maxScore: 10 },
  ];
  it('accepts every criterion once within its maximum', () => {
    expect(
      scoreProblem(criteria, [
        { criterionId: 'a', score: 40 },
        { criterionId: 'b', score: 0 },
      ]),
    ).toBeNull();
  });
  it('refuses a score above the maximum, a criterion twice, an unknown or a missing one', () => {
    expect(
      scoreProblem(criteria, [
        { criterionId: 'a', score: 41 },
        { criterionId: 'b', score: 1 },
      ]),
    ).toEqual({
      code: 'SCORE_ABOVE_MAX',
      index: 0,
    });
    expect(
      scoreProblem(criteria, [
        { criterionId: 'a', score: 1 },
        { criterionId: 'a', score: 1 },
      ]),
    ).toEqual({
      code: 'CRITERION_TWICE',
      index: 1,
    });
    expect(scoreProblem(criteria, [{ criterionId: 'z', score: 1 }])).toEqual({
      code: 'CRITERION_UNKNOWN',
      index: 0,
    });
    expect(scoreProblem(criteria, [{ criterionId: 'a', score: 1 }])).toEqual({ code: 'CRITERIA_MISSING' });
  });
});

describe('ranking', () => {
  it('ranks by total, ties sharing a rank, unscored proposals unranked', () => {
    const ranks = rankProposals([
      { id: 'x', total: 70 },
      { id: 'y', total: 88 },
      { id: 'z', total: 70 },
      { id: 'w', total: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ y: 1, x: 2, z: 2 });
  });
});

describe('partnership', () => {
  it('has one lead, the proposer, and each body once', () => {
    const lead = { organizationId: 'igea', role: 'lead' as const };
    const partner = { organizationId: 'meraki', role: 'partner' as const };
    expect(partnershipProblem([lead, partner], 'igea')).toBeNull();
    expect(partnershipProblem([partner], 'igea')).toEqual({ code: 'LEAD_COUNT' });
    expect(partnershipProblem([lead, { ...partner, role: 'lead' }], 'igea')).toEqual({ code: 'LEAD_COUNT' });
    expect(partnershipProblem([lead, partner], 'meraki')).toEqual({ code: 'LEAD_NOT_PROPOSER' });
    expect(partnershipProblem([lead, partner, partner], 'igea')).toEqual({ code: 'PARTNER_TWICE', index: 2 });
  });
});
