import { describe, expect, it } from 'vitest';
import type { CompetenceRule } from '../../../../shared/src/interventions/interventions.schemas';
import { matrixOf, move, versionsOf } from './protocol';

let n = 0;
function rule(partial: Partial<CompetenceRule>): CompetenceRule {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    interventionTypeId: 'groceries_medicines',
    scopeType: 'ambito',
    scopeId: 'CREMONA',
    organizationId: `org-${n}`,
    organizationName: `Org ${n}`,
    priority: 1,
    version: 1,
    createdAt: '2026-11-01T10:00:00Z',
    createdBy: null,
    retiredAt: null,
    retiredBy: null,
    ...partial,
  };
}

const names = (scope: { type: string; id: string | null }) => scope.id ?? 'Tutto';

describe('matrixOf', () => {
  it('orders the territories whole-first, then Ambiti, then comuni, and the organisations by priority', () => {
    const rules = [
      rule({ scopeType: 'comune', scopeId: '019036', organizationName: 'B', priority: 2 }),
      rule({ scopeType: 'comune', scopeId: '019036', organizationName: 'A', priority: 1 }),
      rule({ scopeType: 'all', scopeId: null }),
      rule({ scopeType: 'ambito', scopeId: 'CREMA' }),
    ];
    const matrix = matrixOf(rules, names);
    expect(matrix.scopes.map((s) => s.type)).toEqual(['all', 'ambito', 'comune']);
    expect(
      matrix.cell('groceries_medicines', { type: 'comune', id: '019036' }).map((r) => r.organizationName),
    ).toEqual(['A', 'B']);
  });

  it('leaves replaced versions out', () => {
    const matrix = matrixOf([rule({ retiredAt: '2026-11-02T10:00:00Z' })], names);
    expect(matrix.scopes).toEqual([]);
  });
});

describe('versionsOf', () => {
  it('groups the rows of a version, most recent version first', () => {
    const versions = versionsOf([
      rule({
        version: 1,
        priority: 1,
        organizationName: 'Old',
        retiredAt: '2026-11-05T10:00:00Z',
        retiredBy: 'Ada',
      }),
      rule({
        version: 2,
        priority: 2,
        organizationName: 'Second',
        createdAt: '2026-11-05T10:00:00Z',
        createdBy: 'Ada',
      }),
      rule({
        version: 2,
        priority: 1,
        organizationName: 'First',
        createdAt: '2026-11-05T10:00:00Z',
        createdBy: 'Ada',
      }),
    ]);
    expect(versions.map((v) => [v.version, v.organizations])).toEqual([
      [2, ['First', 'Second']],
      [1, ['Old']],
    ]);
    expect(versions[1]?.retiredBy).toBe('Ada');
  });
});

describe('move', () => {
  it('swaps with the neighbour and stays put at the ends', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
