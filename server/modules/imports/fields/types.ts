/** What every value parser returns: the normalised value, or a sentence saying what is wrong with the cell. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export type Failure = { ok: false; message: string };

/** Hot-path form of a text parser: the normalised text itself, or a Failure (no result object on success). */
export type TextOutcome<T extends string = string> = T | Failure;

export function toParsed<T extends string>(outcome: TextOutcome<T>): Parsed<T> {
  return typeof outcome === "string" ? { ok: true, value: outcome } : outcome;
}
