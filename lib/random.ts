/**
 * mulberry32: a tiny, well-distributed 32-bit generator, identical on every platform. For what must
 * be the same on every run from a seed (synthetic cases, a snapshot layout's starting jitter);
 * never for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
