import { describe, expect, it } from 'vitest';
import { brokenProposalRules, emptyProposal, toProposalBody } from './proposalForm';

describe('the pact proposal form', () => {
  it('names the place and the group as missing only where the rules ask for them', () => {
    const empty = emptyProposal('019036');
    expect(brokenProposalRules(empty)).toEqual(['commonsName']);
    expect(brokenProposalRules({ ...empty, commonsId: 'c1', proposerKind: 'group' })).toEqual(['groupName']);
    expect(brokenProposalRules({ ...empty, commonsName: 'Via Dante', proposerKind: 'citizen' })).toEqual([]);
  });

  it('wants, at the desk only, the proposer’s name and one contact', () => {
    const placed = { ...emptyProposal('019036'), commonsId: 'c1', proposerFullName: 'Teresa Galli' };
    expect(brokenProposalRules(placed)).toEqual([]);
    expect(brokenProposalRules(placed, true)).toEqual(['proposerFullName']);
    expect(brokenProposalRules({ ...placed, proposerPhone: '0372 1' }, true)).toEqual([]);
    expect(brokenProposalRules({ ...placed, proposerFullName: ' ', proposerEmail: 'a@b.it' }, true)).toEqual([
      'proposerFullName',
    ]);
  });

  it('sends the common of the register instead of a typed place, and no group for a citizen', () => {
    const body = toProposalBody({
      ...emptyProposal('019036'),
      commonsId: 'c1',
      commonsName: 'left over',
      title: '  Panchine  ',
      description: 'Puliamo le panchine ogni sabato.',
      groupName: 'left over',
      proposerPhone: ' ',
    });
    expect(body).toEqual({
      comuneCode: '019036',
      commonsId: 'c1',
      commonsName: undefined,
      title: 'Panchine',
      description: 'Puliamo le panchine ogni sabato.',
      proposerKind: 'citizen',
      groupName: undefined,
      proposerPhone: undefined,
    });
  });
});
