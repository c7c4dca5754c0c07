// Size control for communities: split those above maxSessions (Louvain again at a higher resolution
// on the induced subgraph, then greedy chunks in breadth-first order), merge those below minSessions
// into the neighbour they share the most with (or pack leftovers together), never above maxSessions.
import Graph from 'graphology';
import type { Units } from './conflictGraph.ts';
import { louvainParts } from './louvain.ts';

function sizeOf(units: Units, part: readonly number[]): number {
  let n = 0;
  for (const u of part) n += units.sessions[u];
  return n;
}

function induced(g: Graph, part: readonly number[]): Graph {
  const keep = new Set(part.map(String));
  const sub = new Graph({ type: 'undirected', allowSelfLoops: false });
  for (const u of part) sub.addNode(String(u), g.getNodeAttributes(String(u)));
  g.forEachEdge((_e, attr, s, t) => {
    if (keep.has(s) && keep.has(t)) sub.addEdge(s, t, attr);
  });
  return sub;
}

/** Chunks of at most maxSessions in breadth-first order (neighbours stay together where they can). */
function bfsChunks(g: Graph, units: Units, part: readonly number[], maxSessions: number): number[][] {
  const inPart = new Set(part);
  const seen = new Set<number>();
  const order: number[] = [];
  for (const start of part) {
    if (seen.has(start)) continue;
    seen.add(start);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      order.push(queue[i]);
      const next = g
        .neighbors(String(queue[i]))
        .map(Number)
        .filter((v) => inPart.has(v) && !seen.has(v))
        .sort((a, b) => a - b);
      for (const v of next) {
        seen.add(v);
        queue.push(v);
      }
    }
  }
  const chunks: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const u of order) {
    if (current.length > 0 && size + units.sessions[u] > maxSessions) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(u);
    size += units.sessions[u];
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function splitLarge(
  g: Graph,
  units: Units,
  parts: number[][],
  maxSessions: number,
  rng: () => number,
): number[][] {
  const out: number[][] = [];
  const todo = parts.map((p) => ({ part: p, resolution: 1 }));
  while (todo.length > 0) {
    const { part, resolution } = todo.pop() as { part: number[]; resolution: number };
    if (sizeOf(units, part) <= maxSessions || part.length === 1) {
      out.push(part);
      continue;
    }
    const sub = resolution <= 8 ? louvainParts(induced(g, part), rng, resolution * 2) : [];
    if (sub.length > 1) for (const p of sub) todo.push({ part: p, resolution: resolution * 2 });
    else out.push(...bfsChunks(g, units, part, maxSessions));
  }
  return out;
}

export function mergeSmall(
  g: Graph,
  units: Units,
  parts: number[][],
  minSessions: number,
  maxSessions: number,
): number[][] {
  const partOf = new Map<number, number>();
  parts.forEach((p, i) => p.forEach((u) => partOf.set(u, i)));
  const size = parts.map((p) => sizeOf(units, p));
  const alive = parts.map(() => true);
  const order = parts.map((_, i) => i).sort((a, b) => size[a] - size[b] || a - b);
  const leftovers: number[] = [];
  for (const i of order) {
    if (!alive[i] || size[i] >= minSessions) continue;
    const link = new Map<number, number>();
    for (const u of parts[i]) {
      g.forEachEdge(String(u), (_e, attr, s, t) => {
        const v = Number(s) === u ? Number(t) : Number(s);
        const j = partOf.get(v);
        if (j !== undefined && j !== i) link.set(j, (link.get(j) ?? 0) + (attr.weight as number));
      });
    }
    let best = -1;
    for (const [j, w] of [...link.entries()].sort((a, b) => a[0] - b[0])) {
      if (alive[j] && size[i] + size[j] <= maxSessions && (best < 0 || w > (link.get(best) ?? 0))) best = j;
    }
    if (best < 0) {
      leftovers.push(i);
      continue;
    }
    for (const u of parts[i]) {
      partOf.set(u, best);
      parts[best].push(u);
    }
    size[best] += size[i];
    alive[i] = false;
  }
  // Pack leftovers (no neighbour with room) together, smallest first, up to maxSessions.
  let into = -1;
  for (const i of leftovers) {
    if (!alive[i] || size[i] >= minSessions) continue;
    if (into >= 0 && alive[into] && into !== i && size[into] + size[i] <= maxSessions) {
      parts[into].push(...parts[i]);
      size[into] += size[i];
      alive[i] = false;
    } else into = i;
  }
  return parts.filter((_, i) => alive[i]).map((p) => p.sort((a, b) => a - b));
}
