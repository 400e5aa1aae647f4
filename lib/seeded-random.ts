/**
 * A deterministic pseudo-random source (mulberry32): the demo set, the synthetic benchmark
 * corpora and the fault suite use it so a seed replays the same data or the same faults.
 * Tiny and fast; never for anything secret (use node:crypto there).
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
