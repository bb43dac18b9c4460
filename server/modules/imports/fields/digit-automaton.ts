/**
 * A small automaton for the regular expressions libphonenumber's metadata uses on digit strings (digits, \d,
 * [classes], groups, |, ?, *, +, {n,m}). It exists to *prove* that a phone-number verdict depends only on the
 * first digits of a number (see phone.ts): for a fixed total length it answers "do all, none, or only some
 * completions of this prefix match?". Anything outside that syntax throws, and the caller then gives up the
 * shortcut rather than reasoning about a pattern it cannot read.
 */

type Node =
  | { t: "set"; mask: number }
  | { t: "cat"; items: Node[] }
  | { t: "alt"; options: Node[] }
  | { t: "rep"; node: Node; min: number; max: number };

const ALL_DIGITS = 0x3ff;

export class UnsupportedPattern extends Error {}

function parse(source: string): Node {
  let i = 0;
  const peek = () => source[i];
  const fail = (why: string): never => {
    throw new UnsupportedPattern(`${why} at ${i} in /${source}/`);
  };

  function number(): number {
    const start = i;
    while (i < source.length && source[i]! >= "0" && source[i]! <= "9") i++;
    if (start === i) fail("expected a number");
    return Number(source.slice(start, i));
  }

  function charClass(): number {
    i++; // [
    let mask = 0;
    if (peek() === "^") fail("negated class");
    while (i < source.length && peek() !== "]") {
      let lo: number;
      if (peek() === "\\") {
        if (source[i + 1] !== "d") fail("escape in class");
        i += 2;
        mask |= ALL_DIGITS;
        continue;
      }
      const c = peek()!;
      if (c < "0" || c > "9") fail("non-digit in class");
      lo = c.charCodeAt(0) - 48;
      i++;
      let hi = lo;
      if (peek() === "-" && source[i + 1] !== "]") {
        i++;
        const h = peek()!;
        if (h < "0" || h > "9") fail("non-digit range end");
        hi = h.charCodeAt(0) - 48;
        i++;
      }
      for (; lo <= hi; lo++) mask |= 1 << lo;
    }
    if (peek() !== "]") fail("unclosed class");
    i++;
    return mask;
  }

  function atom(): Node {
    const c = peek();
    if (c === "(") {
      i++;
      if (source.startsWith("?:", i)) i += 2;
      else if (peek() === "?") fail("lookaround");
      const inner = alternation();
      if (peek() !== ")") fail("unclosed group");
      i++;
      return inner;
    }
    if (c === "[") return { t: "set", mask: charClass() };
    if (c === "\\") {
      if (source[i + 1] !== "d") fail("escape");
      i += 2;
      return { t: "set", mask: ALL_DIGITS };
    }
    if (c !== undefined && c >= "0" && c <= "9") {
      i++;
      return { t: "set", mask: 1 << (c.charCodeAt(0) - 48) };
    }
    return fail(`unsupported "${c}"`);
  }

  function quantified(): Node {
    let node = atom();
    for (;;) {
      const c = peek();
      if (c === "?") node = { t: "rep", node, min: 0, max: 1 };
      else if (c === "*") node = { t: "rep", node, min: 0, max: Infinity };
      else if (c === "+") node = { t: "rep", node, min: 1, max: Infinity };
      else if (c === "{") {
        i++;
        const min = number();
        let max = min;
        if (peek() === ",") {
          i++;
          max = peek() === "}" ? Infinity : number();
        }
        if (peek() !== "}") fail("unclosed quantifier");
        node = { t: "rep", node, min, max };
      } else return node;
      i++;
      if (peek() === "?") fail("lazy quantifier");
    }
  }

  function sequence(): Node {
    const items: Node[] = [];
    while (i < source.length && peek() !== "|" && peek() !== ")") items.push(quantified());
    return { t: "cat", items };
  }

  function alternation(): Node {
    const options = [sequence()];
    while (peek() === "|") {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { t: "alt", options };
  }

  const node = alternation();
  if (i !== source.length) fail("trailing input");
  return node;
}

/** Thompson NFA: per state, epsilon successors and digit-mask edges. */
class Nfa {
  eps: number[][] = [];
  edges: { mask: number; to: number }[][] = [];

  state(): number {
    this.eps.push([]);
    this.edges.push([]);
    return this.eps.length - 1;
  }

  /** Builds `node` from state `from`; returns its end state. */
  build(node: Node, from: number): number {
    switch (node.t) {
      case "set": {
        const to = this.state();
        this.edges[from]!.push({ mask: node.mask, to });
        return to;
      }
      case "cat":
        return node.items.reduce((at, item) => this.build(item, at), from);
      case "alt": {
        const end = this.state();
        for (const option of node.options) {
          const start = this.state();
          this.eps[from]!.push(start);
          this.eps[this.build(option, start)]!.push(end);
        }
        return end;
      }
      case "rep": {
        let at = from;
        for (let n = 0; n < node.min; n++) at = this.build(node.node, at);
        if (node.max === Infinity) {
          const loop = this.state();
          this.eps[at]!.push(loop);
          this.eps[this.build(node.node, loop)]!.push(loop);
          return loop;
        }
        const end = this.state();
        for (let n = node.min; n < node.max; n++) {
          this.eps[at]!.push(end);
          at = this.build(node.node, at);
        }
        this.eps[at]!.push(end);
        return end;
      }
    }
  }
}

/** Verdict of a prefix over the completions of a fixed length. */
export const Completion = { None: 0, All: 1, Some: 2 } as const;
export type Completion = (typeof Completion)[keyof typeof Completion];

/**
 * A lazily determinised automaton for one pattern. `entire` patterns must match the whole string (libphonenumber's
 * matchesEntirely); otherwise a match must start at position 0 and may stop anywhere (its leading-digits search).
 */
export class DigitAutomaton {
  private readonly nfa = new Nfa();
  private readonly accept: number;
  private readonly ids = new Map<string, number>();
  private readonly sets: number[][] = [];
  private readonly accepting: boolean[] = [];
  private readonly next: Int32Array[] = [];
  private readonly memo = new Map<number, Completion>();
  readonly start: number;

  constructor(source: string, entire: boolean) {
    const node = parse(source);
    const begin = this.nfa.state();
    const anyTail: Node = { t: "rep", node: { t: "set", mask: ALL_DIGITS }, min: 0, max: Infinity };
    this.accept = this.nfa.build(entire ? node : { t: "cat", items: [node, anyTail] }, begin);
    this.start = this.intern(this.closure([begin]));
  }

  private closure(states: number[]): number[] {
    const seen = new Set(states);
    const stack = [...states];
    while (stack.length) {
      for (const e of this.nfa.eps[stack.pop()!]!) {
        if (!seen.has(e)) {
          seen.add(e);
          stack.push(e);
        }
      }
    }
    return [...seen].sort((a, b) => a - b);
  }

  private intern(set: number[]): number {
    const key = set.join(",");
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.ids.set(key, id);
      this.sets.push(set);
      this.accepting.push(set.includes(this.accept));
      this.next.push(new Int32Array(10).fill(-1));
    }
    return id;
  }

  step(state: number, digit: number): number {
    const row = this.next[state]!;
    let to = row[digit]!;
    if (to < 0) {
      const targets: number[] = [];
      for (const s of this.sets[state]!)
        for (const e of this.nfa.edges[s]!) if (e.mask & (1 << digit)) targets.push(e.to);
      to = this.intern(this.closure(targets));
      row[digit] = to;
    }
    return to;
  }

  /** Walks a digit string from `state`. */
  run(state: number, digits: string): number {
    for (let i = 0; i < digits.length; i++) state = this.step(state, digits.charCodeAt(i) - 48);
    return state;
  }

  /** Whether all, none or only some strings of exactly `remaining` more digits lead to a match. */
  completion(state: number, remaining: number): Completion {
    if (remaining === 0) return this.accepting[state] ? Completion.All : Completion.None;
    if (this.sets[state]!.length === 0) return Completion.None;
    const key = state * 64 + remaining;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let result = this.completion(this.step(state, 0), remaining - 1);
    for (let d = 1; d < 10 && result !== Completion.Some; d++) {
      if (this.completion(this.step(state, d), remaining - 1) !== result) result = Completion.Some;
    }
    this.memo.set(key, result);
    return result;
  }

  /** Exact match test of a whole digit string (used by tests to check the automaton against RegExp). */
  matches(digits: string): boolean {
    return this.accepting[this.run(this.start, digits)]!;
  }
}
