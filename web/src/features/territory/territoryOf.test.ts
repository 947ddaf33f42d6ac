import { describe, expect, it } from 'vitest';
import type { Me, Membership } from '../../../../shared/src/accounts/accounts.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { comuniOfMemberships, defaultComuneCode } from './territoryOf';

const comune = (istatCode: string, name: string, ambitoId: string) =>
  ({ istatCode, name, ambitoId }) as Comune;
const COMUNI = [
  comune('019036', 'Cremona', 'CREMONA'),
  comune('019001', 'Acquanegra Cremonese', 'CREMONA'),
  comune('019035', 'Crema', 'CREMA'),
];
const AMBITI = [
  { id: 'CREMONA', leadComuneName: 'Cremona' },
  { id: 'CREMA', leadComuneName: 'Crema' },
] as Ambito[];

function me(...memberships: Pick<Membership, 'scopeType' | 'scopeId'>[]): Me {
  return {
    memberships: memberships.map((m) => ({
      organizationId: null,
      organizationName: null,
      role: 'operatore',
      ...m,
    })),
  } as Me;
}

describe('territory of the user', () => {
  it('offers the comuni of the Ambiti and comuni the memberships name', () => {
    const codes = comuniOfMemberships(
      me({ scopeType: 'ambito', scopeId: 'CREMA' }, { scopeType: 'comune', scopeId: '019001' }),
      COMUNI,
    ).map((c) => c.istatCode);
    expect(codes).toEqual(['019001', '019035']);
  });

  it('offers every comune to a user of the whole territory', () => {
    expect(comuniOfMemberships(me({ scopeType: 'all', scopeId: null }), COMUNI)).toHaveLength(3);
  });

  it("starts a new record in the user's comune, or in the lead comune of their Ambito", () => {
    expect(defaultComuneCode(me({ scopeType: 'comune', scopeId: '019001' }), COMUNI, AMBITI)).toBe('019001');
    expect(defaultComuneCode(me({ scopeType: 'ambito', scopeId: 'CREMONA' }), COMUNI, AMBITI)).toBe('019036');
    expect(defaultComuneCode(me({ scopeType: 'all', scopeId: null }), COMUNI, AMBITI)).toBe('');
  });
});
