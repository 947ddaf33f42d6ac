/** A seeded pseudo-random generator (sfc32, seeded through splitmix32). */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * Creates a deterministic generator: the same seed always yields the same sequence.
 * @param seed any finite number; only its low 32 bits are used
 */
export function createRng(seed: number): Rng {
  let s = seed | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [state, word] = splitmix32(s);
    s = state;
    words.push(word);
  }
  let [a, b, c, d] = words as [number, number, number, number];
  const nextUint = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint();
  return {
    next: () => nextUint() / 4294967296,
    int: (n: number) => Math.floor((nextUint() / 4294967296) * n),
  };
}
