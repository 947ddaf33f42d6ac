import type { CompetenceRule } from '../../../../shared/src/interventions/interventions.schemas';

export type ScopeType = CompetenceRule['scopeType'];

/** A territory a rule applies to: the whole territory, an Ambito or a comune. */
export interface Scope {
  type: ScopeType;
  id: string | null;
}

export const scopeKey = (scope: Scope) => `${scope.type}:${scope.id ?? ''}`;
const ORDER: Record<ScopeType, number> = { all: 0, ambito: 1, comune: 2 };

/**
 * The matrix of the rules in force: the territories that have rules (whole territory first,
 * then Ambiti, then comuni, each by name) and, per intervention type and territory, the
 * organisations in priority order.
 */
export function matrixOf(rules: CompetenceRule[], nameOf: (scope: Scope) => string) {
  const scopes = new Map<string, Scope>();
  const cells = new Map<string, CompetenceRule[]>();
  for (const rule of rules.filter((r) => r.retiredAt === null)) {
    const scope = { type: rule.scopeType, id: rule.scopeId };
    scopes.set(scopeKey(scope), scope);
    const key = cellKey(rule.interventionTypeId, scope);
    cells.set(key, [...(cells.get(key) ?? []), rule]);
  }
  for (const list of cells.values()) list.sort((a, b) => a.priority - b.priority);
  const ordered = [...scopes.values()].sort(
    (a, b) => ORDER[a.type] - ORDER[b.type] || nameOf(a).localeCompare(nameOf(b), 'it'),
  );
  return { scopes: ordered, cell: (typeId: string, scope: Scope) => cells.get(cellKey(typeId, scope)) ?? [] };
}

const cellKey = (typeId: string, scope: Scope) => `${typeId}|${scopeKey(scope)}`;

/** One version of one cell: when and by whom it was set, the organisations in order, when it was replaced. */
export interface RuleVersion {
  interventionTypeId: string;
  scope: Scope;
  version: number;
  createdAt: string;
  createdBy: string | null;
  retiredAt: string | null;
  retiredBy: string | null;
  organizations: string[];
}

/** Every version of every cell, the most recent first. */
export function versionsOf(rules: CompetenceRule[]): RuleVersion[] {
  const versions = new Map<string, RuleVersion & { ranked: { priority: number; name: string }[] }>();
  for (const rule of rules) {
    const scope = { type: rule.scopeType, id: rule.scopeId };
    const key = `${cellKey(rule.interventionTypeId, scope)}|${rule.version}`;
    const found = versions.get(key) ?? {
      interventionTypeId: rule.interventionTypeId,
      scope,
      version: rule.version,
      createdAt: rule.createdAt,
      createdBy: rule.createdBy,
      retiredAt: rule.retiredAt,
      retiredBy: rule.retiredBy,
      organizations: [],
      ranked: [],
    };
    found.ranked.push({ priority: rule.priority, name: rule.organizationName });
    versions.set(key, found);
  }
  return [...versions.values()]
    .map(({ ranked, ...version }) => ({
      ...version,
      organizations: ranked.sort((a, b) => a.priority - b.priority).map((r) => r.name),
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);
}

/** Moves the item at `index` one place up (-1) or down (+1). */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
