/**
 * Remembers every reference of a file to find the second occurrence of one: the references' characters are copied
 * into one growing byte array (one byte a character when they fit, two otherwise) and an open-addressing table of
 * entry numbers finds them by hash; a hash match is confirmed by comparing characters, so a duplicate is never
 * claimed on a hash alone. Everything lives in typed arrays, outside the garbage collector's marking work, and no
 * cell string (or the line it was sliced from) is kept alive. 1,000,000 12-character references take 48 MB of
 * arrays (41 MB used), with each first row's line and fingerprint; a Map of the same strings takes ~59 MB of heap.
 */
export type FirstSeen = {
  line: number;
  /** The earlier row had the same fingerprint (the same cells): exact but for a 1 in 2^32 chance (see rowFingerprint). */
  sameRow: boolean;
};

const WIDE = 1 << 30;

/** Set by hashOf: whether the text fits one byte a character. */
let narrowText = true;

function hashOf(text: string): number {
  // FNV-1a, 32 bits; the same pass notes whether every character fits a byte.
  let h = 0x811c9dc5;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    wide |= c;
    h = Math.imul(h ^ c, 0x01000193);
  }
  narrowText = wide <= 0xff;
  return h | 0;
}

/** A 32-bit fingerprint of a row's cells, to tell "the same row twice" from "two rows with the same reference". */
export function rowFingerprint(cells: readonly string[], skip = -1): number {
  // Trailing empty cells do not change the row.
  let end = cells.length;
  while (end > 0 && !cells[end - 1]) end--;
  // Two FNV-1a lanes over alternate characters: independent multiplications run in parallel (~2x faster).
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let c = 0; c < end; c++) {
    // The tracked key's own cell is equal by definition when fingerprints are compared.
    const text = c === skip ? "" : cells[c]!;
    const n = text.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ text.charCodeAt(i + 1), 0x01000193);
    }
    if (i < n) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    // The cell's length separates cells, so ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ (n + 0x10000), 0x01000193);
  }
  return (a ^ Math.imul(b, 0x9e3779b1)) | 0;
}

/** Per entry, four numbers side by side (one cache line serves an insert): */
const START = 0; // offset of its characters in `bytes`
const LENGTH = 1; // bytes, with the WIDE bit when stored two bytes a character
const LINE = 2; // the row it was first seen on
const PRINT = 3; // that row's fingerprint
const FIELDS = 4;

export class RefTracker {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private entries = new Int32Array(1024 * FIELDS);
  private count = 0;
  /** Pairs [entry number + 1, hash]: a probe compares hashes without leaving the table's cache line. */
  private table = new Int32Array(4096);
  private mask = 2047;

  get size(): number {
    return this.count;
  }

  /** Bytes held by the tracker's arrays. */
  get memoryBytes(): number {
    return this.bytes.byteLength + this.entries.byteLength + this.table.byteLength;
  }

  /** Records `ref` at `line`; when it was seen before, returns where (and keeps the first occurrence). */
  add(ref: string, line: number, fingerprint = 0): FirstSeen | null {
    const hash = hashOf(ref);
    const narrow = narrowText;
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const entry = table[slot * 2]!;
      if (entry === 0) break;
      if (table[slot * 2 + 1] === hash && this.equals(entry - 1, ref)) {
        const at = (entry - 1) * FIELDS;
        const first = this.entries[at + PRINT]!;
        return { line: this.entries[at + LINE]!, sameRow: fingerprint !== 0 && first === fingerprint };
      }
      slot = (slot + 1) & this.mask;
    }
    const i = this.count;
    if ((i + 1) * FIELDS > this.entries.length) {
      const bigger = new Int32Array(this.entries.length * 2);
      bigger.set(this.entries);
      this.entries = bigger;
    }
    this.store(i, ref, narrow);
    this.entries[i * FIELDS + LINE] = line;
    this.entries[i * FIELDS + PRINT] = fingerprint;
    table[slot * 2] = i + 1;
    table[slot * 2 + 1] = hash;
    this.count++;
    if (this.count * 2 > this.mask + 1) this.growTable();
    return null;
  }

  private store(i: number, ref: string, narrow: boolean): void {
    const size = narrow ? ref.length : ref.length * 2;
    if (this.used + size > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < this.used + size) capacity *= 2;
      const bigger = new Uint8Array(capacity);
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    const b = this.bytes;
    let at = this.used;
    if (narrow) for (let k = 0; k < ref.length; k++) b[at++] = ref.charCodeAt(k);
    else {
      for (let k = 0; k < ref.length; k++) {
        const c = ref.charCodeAt(k);
        b[at++] = c & 0xff;
        b[at++] = c >>> 8;
      }
    }
    this.entries[i * FIELDS + START] = this.used;
    this.entries[i * FIELDS + LENGTH] = narrow ? size : size | WIDE;
    this.used = at;
  }

  private equals(i: number, ref: string): boolean {
    const stored = this.entries[i * FIELDS + LENGTH]!;
    const wide = (stored & WIDE) !== 0;
    const size = stored & ~WIDE;
    if ((wide ? size / 2 : size) !== ref.length) return false;
    const b = this.bytes;
    let at = this.entries[i * FIELDS + START]!;
    if (!wide) {
      for (let k = 0; k < ref.length; k++) if (b[at++] !== ref.charCodeAt(k)) return false;
      return true;
    }
    for (let k = 0; k < ref.length; k++, at += 2) if ((b[at]! | (b[at + 1]! << 8)) !== ref.charCodeAt(k)) return false;
    return true;
  }

  private growTable(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let k = 0; k < old.length; k += 2) {
      const entry = old[k]!;
      if (entry === 0) continue;
      const hash = old[k + 1]!;
      let slot = hash & mask;
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = entry;
      table[slot * 2 + 1] = hash;
    }
    this.table = table;
    this.mask = mask;
  }
}
