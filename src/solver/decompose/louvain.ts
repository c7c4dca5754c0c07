// Louvain (graphology-communities-louvain) with a seeded PRNG, so that decomposition is deterministic.
import louvain from 'graphology-communities-louvain';
import type Graph from 'graphology';

/** A small deterministic PRNG (mulberry32) for Louvain's tie-breaking. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Louvain communities of the graph's nodes, as lists of unit indices in node order. */
export function louvainParts(g: Graph, rng: () => number, resolution = 1): number[][] {
  if (g.order === 0) return [];
  if (g.size === 0) return g.nodes().map((n) => [Number(n)]);
  const mapping = louvain(g, { getEdgeWeight: 'weight', rng, resolution });
  const parts = new Map<number, number[]>();
  g.forEachNode((n) => {
    const k = mapping[n];
    const list = parts.get(k);
    if (list) list.push(Number(n));
    else parts.set(k, [Number(n)]);
  });
  return [...parts.values()];
}
