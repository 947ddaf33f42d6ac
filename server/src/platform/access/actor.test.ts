import { describe, expect, it } from 'vitest';
import {
  can,
  isOrganizationBound,
  isOwnRecord,
  organizationReach,
  organizationsLimiting,
  reachesOrganization,
  scopeOf,
  type Actor,
  type Grant,
} from './actor.js';
import { ROLES } from './roles.js';

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

const coordinatorOf = (organizationId: string): Grant => ({
  role: 'coordinatore',
  organizationId,
  scope: { type: 'ambito', id: 'CREMONA' },
  comuni: new Set(['019036']),
});

describe('the organisation rule', () => {
  it('binds coordinators, volunteers and providers to their organisation, and no other role', () => {
    expect(ROLES.filter(isOrganizationBound)).toEqual(['coordinatore', 'volontario', 'fornitore']);
  });

  it('limits a coordinator to the records of his own organisations', () => {
    const actor = actorWith(coordinatorOf('auser'), coordinatorOf('caritas'));
    expect(organizationsLimiting(actor, 'task.assign')).toEqual(['auser', 'caritas']);
    expect(reachesOrganization(actor, 'task.assign', 'caritas')).toBe(true);
    expect(reachesOrganization(actor, 'task.assign', 'anteas')).toBe(false);
    expect(reachesOrganization(actor, 'task.assign', null)).toBe(false);
  });

  it('lets a role of the territory reach every organisation’s records', () => {
    const actor = actorWith(operatorInCremona);
    expect(organizationsLimiting(actor, 'task.read')).toBeNull();
    expect(reachesOrganization(actor, 'task.read', 'anteas')).toBe(true);
    expect(reachesOrganization(actor, 'task.read', null)).toBe(true);
  });

  it('keeps a list’s organisation filter only when the actor reaches it', () => {
    const coordinator = actorWith(coordinatorOf('auser'));
    expect(organizationsLimiting(coordinator, 'task.assign', 'auser')).toEqual(['auser']);
    expect(organizationsLimiting(coordinator, 'task.assign', 'caritas')).toEqual([]);
    expect(organizationsLimiting(actorWith(operatorInCremona), 'task.read', 'caritas')).toEqual(['caritas']);
  });

  it('reaches grant by grant: the territory of an unbound role, the organisation of a bound one', () => {
    const administrator: Grant = {
      role: 'amministratore',
      organizationId: null,
      scope: { type: 'comune', id: '019035' },
      comuni: new Set(['019035']),
    };
    expect(organizationReach(actorWith(coordinatorOf('auser'), administrator), 'volunteer.read')).toEqual({
      everyOrganization: { all: false, comuni: new Set(['019035']) },
      organizations: new Set(['auser']),
    });
  });
});

describe('a citizen’s own records', () => {
  const citizen: Actor = { ...actorWith(), personId: 'p1' };

  it('are the records that name the actor’s person, in any of the roles given', () => {
    expect(isOwnRecord(citizen, 'p1')).toBe(true);
    expect(isOwnRecord(citizen, 'p2', 'p1')).toBe(true);
    expect(isOwnRecord(citizen, 'p2', null)).toBe(false);
  });

  it('are none for an actor without a person record, nor for no actor', () => {
    expect(isOwnRecord(actorWith(), null)).toBe(false);
    expect(isOwnRecord(actorWith(), undefined, null)).toBe(false);
    expect(isOwnRecord(null, 'p1')).toBe(false);
  });
});
