import { describe, expect, it } from 'vitest';
import { can, scopeOf, type Actor, type Grant } from './actor.js';

function actorWith(...grants: Grant[]): Actor {
  return { userId: 'u', email: 'u@test', fullName: 'U', personId: null, locale: 'it', grants };
}

const operatorInCremona: Grant = {
  role: 'operatore',
  organizationId: null,
  scope: { type: 'comune', id: '019036' },
  comuni: new Set(['019036']),
};
const volunteerInCrema: Grant = {
  role: 'volontario',
  organizationId: null,
  scope: { type: 'comune', id: '019035' },
  comuni: new Set(['019035']),
};

describe('scopeOf', () => {
  it('gives a capability only over the territory of the roles that hold it', () => {
    const actor = actorWith(operatorInCremona, volunteerInCrema);
    expect(can(actor, 'person.read', '019036')).toBe(true);
    expect(can(actor, 'person.read', '019035')).toBe(false);
  });

  it('denies a capability no role of the actor holds', () => {
    expect(can(actorWith(volunteerInCrema), 'person.read')).toBe(false);
    expect(can(actorWith(operatorInCremona), 'audit.read')).toBe(false);
    expect(can(null, 'person.read')).toBe(false);
  });

  it('widens to everywhere with a whole-territory grant', () => {
    const auditor: Grant = { role: 'revisore', organizationId: null, scope: { type: 'all' }, comuni: 'all' };
    expect(scopeOf(actorWith(auditor), 'audit.read')).toEqual({ all: true });
  });
});
