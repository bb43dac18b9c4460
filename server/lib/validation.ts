import type { z } from "zod";
import { ValidationError } from "./errors";

/** Parses verb input; on failure every field's problem is reported, with its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join(".") || "(input)", message: i.message }));
  throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}
