/**
 * A small seeded PRNG for demo data. Math.random and crypto.randomUUID cannot be replayed, and the seed must be
 * reproducible (same seed => identical rows), so everything random in db/seed draws from one of these.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes PractRand, and runs on
 * 32-bit integer ops only, which V8 keeps unboxed. The state is expanded from the numeric seed with splitmix32
 * so that nearby seeds (1, 2, 3) do not start from correlated states.
 */

let HEX16: string[] | null = null;

/** Four lowercase hex digits; the 65,536-entry table is built on first use (about 2 MB). */
function hex16(value: number): string {
  HEX16 ??= Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, "0"));
  return HEX16[value]!;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A precomputed weighted choice: build once, draw many times in O(log n). */
export type WeightedTable<T> = {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
};

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([item, weight], i) => {
    if (!(weight >= 0)) throw new RangeError(`Negative or NaN weight for entry ${i}`);
    total += weight;
    items.push(item);
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError("Weighted table needs a positive total weight");
  return { items, cumulative, total };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
    // Fold seeds beyond 32 bits in, so 2^32 + 1 and 1 differ.
    const mix = splitmix32((seed >>> 0) ^ Math.floor(seed / 0x1_0000_0000));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Discard the first outputs: sfc32 needs a few rounds to diffuse the seed through its counter.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(table: WeightedTable<T>): T {
    const target = this.next() * table.total;
    const { cumulative } = table;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (target < (cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return table.items[lo] as T;
  }

  /** Standard normal via Box-Muller (one of the pair is dropped: simplicity over a cached spare). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A money amount in integer minor units, log-normal around `medianMinor` (debt balances are right-skewed),
   * clamped to [minMinor, maxMinor]. The float only shapes the distribution; the result is an integer.
   */
  amountMinor(medianMinor: number, sigma: number, minMinor: number, maxMinor: number): number {
    const value = Math.round(medianMinor * Math.exp(sigma * this.normal()));
    return Math.min(maxMinor, Math.max(minMinor, value));
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** A version-4-formatted UUID from this stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const w0 = this.uint32();
    const w1 = this.uint32();
    const w2 = this.uint32();
    const w3 = this.uint32();
    // 16-bit lookups: 8 table reads and few concatenations, since seeding makes millions of these.
    return (
      hex16(w0 >>> 16) +
      hex16(w0 & 0xffff) +
      "-" +
      hex16(w1 >>> 16) +
      "-" +
      hex16(0x4000 | (w1 & 0x0fff)) +
      "-" + // version 4
      hex16(0x8000 | (w2 >>> 18)) +
      "-" + // variant 10xx
      hex16(w2 & 0xffff) +
      hex16(w3 >>> 16) +
      hex16(w3 & 0xffff)
    );
  }

  /** An independent stream derived from this one, e.g. one per concern so adding draws elsewhere shifts nothing. */
  fork(): Random {
    return new Random(this.uint32() * 0x1_0000_0000 + this.uint32());
  }
}

/** 2020-01-01T00:00:00Z: where the millisecond field of ordered ids starts (plus a seeded offset). */
const ORDERED_EPOCH_MS = 1_577_836_800_000;

/**
 * Time-ordered UUIDs in the UUIDv7 layout: a 48-bit millisecond field, then version 7, the variant and 74 random
 * bits. The millisecond field is a counter from a seeded start, so each id is greater than the previous one.
 * Bulk rows get these because their primary keys stay in place during the load: ascending keys are appended at
 * the right edge of the index, where random v4 keys would land on a random page each (measured: 2.8M rows into a
 * uuid-keyed table, 25 s with random keys against 6 s with ordered ones).
 */
export class OrderedUuids {
  private ms: number;

  constructor(private readonly rng: Random) {
    this.ms = ORDERED_EPOCH_MS + rng.int(0, 2 ** 34);
  }

  next(): string {
    const ms = this.ms++;
    const high = Math.floor(ms / 0x1_0000_0000); // top 16 of the 48 bits
    const low = ms >>> 0;
    const r0 = this.rng.uint32();
    const r1 = this.rng.uint32();
    const r2 = this.rng.uint32();
    return (
      hex16(high & 0xffff) +
      hex16(low >>> 16) +
      "-" +
      hex16(low & 0xffff) +
      "-" +
      hex16(0x7000 | (r0 >>> 20)) + // version 7, 12 random bits
      "-" +
      hex16(0x8000 | (r0 & 0x3fff)) + // variant 10xx, 14 random bits
      "-" +
      hex16(r1 >>> 16) +
      hex16(r1 & 0xffff) +
      hex16(r2 >>> 16)
    );
  }
}
