/**
 * Where stop markers go on the screen so that none hides another: stops closer than a marker's
 * size at the current zoom form a group; a small group is fanned out in a ring around its place,
 * a large one is drawn as one marker with its count. Groups whose rings would still touch are
 * merged until nothing overlaps.
 */

export interface ScreenPoint {
  x: number;
  y: number;
}

/** A stop marker's box on screen (a pill "12.10" with its border), and a counted marker's. */
export const PILL = { width: 44, height: 24 };
const COUNTED = { width: 38, height: 38 };
/** Up to this many stops in a group are fanned out; more are drawn as one counted marker. */
export const MAX_FANNED = 8;

/** Groups points transitively closer than a pill (single linkage). */
export function groupPoints(points: readonly ScreenPoint[]): number[][] {
  const parent = points.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (overlaps(points[i]!, PILL, points[j]!, PILL)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  points.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

function overlaps(a: ScreenPoint, sa: typeof PILL, b: ScreenPoint, sb: typeof PILL): boolean {
  return Math.abs(a.x - b.x) < (sa.width + sb.width) / 2 && Math.abs(a.y - b.y) < (sa.height + sb.height) / 2;
}

/** Offsets of `n` markers in a ring wide enough that neighbouring pills never touch; none for one. */
export function fanOffsets(n: number): ScreenPoint[] {
  if (n <= 1) return [{ x: 0, y: 0 }];
  // Neighbours a pill's diagonal apart cannot overlap, whatever their angle.
  const chord = Math.hypot(PILL.width, PILL.height) + 1;
  const radius = Math.max(26, chord / (2 * Math.sin(Math.PI / n)));
  return Array.from({ length: n }, (_, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
  });
}

export interface MarkerGroup {
  /** Where the group is drawn: the mean of its members' places. */
  centre: ScreenPoint;
  members: number[];
  /** Each member's offset from the centre (fanned out), or null: one marker with the count. */
  offsets: ScreenPoint[] | null;
}

function place(points: readonly ScreenPoint[], members: number[]): MarkerGroup {
  const centre = {
    x: members.reduce((s, i) => s + points[i]!.x, 0) / members.length,
    y: members.reduce((s, i) => s + points[i]!.y, 0) / members.length,
  };
  return { centre, members, offsets: members.length <= MAX_FANNED ? fanOffsets(members.length) : null };
}

function boxes(group: MarkerGroup): { at: ScreenPoint; size: typeof PILL }[] {
  if (!group.offsets) return [{ at: group.centre, size: COUNTED }];
  return group.offsets.map((o) => ({ at: { x: group.centre.x + o.x, y: group.centre.y + o.y }, size: PILL }));
}

function touch(a: MarkerGroup, b: MarkerGroup): boolean {
  return boxes(a).some((p) => boxes(b).some((q) => overlaps(p.at, p.size, q.at, q.size)));
}

/** The groups of markers at their projected positions, none of whose drawn markers overlap. */
export function layoutMarkers(points: readonly ScreenPoint[]): MarkerGroup[] {
  let groups = groupPoints(points).map((members) => place(points, members));
  // Each merge leaves one group fewer, so this ends.
  for (;;) {
    let merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        if (touch(groups[i]!, groups[j]!)) {
          const joined = place(points, [...groups[i]!.members, ...groups[j]!.members]);
          groups = [...groups.filter((_, k) => k !== i && k !== j), joined];
          merged = true;
          break outer;
        }
      }
    }
    if (!merged) return groups;
  }
}
