/** The parts of a tRPC client error the forms use: the code and the field issues the server formatted. */
type ErrorLike = {
  message: string;
  data?: { code?: string; issues?: { path: string; message: string }[] } | null;
} | null;

/** Field path → message, from the server's validation issues. */
export function fieldErrors(error: ErrorLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.data?.issues ?? [])
    out[issue.path] = out[issue.path] ? `${out[issue.path]} ${issue.message}` : issue.message;
  return out;
}

/** Someone else saved first: the form says so and offers to reload; nothing was written. */
export function isConflict(error: ErrorLike): boolean {
  return error?.data?.code === "CONFLICT";
}

/** A message for errors that belong to no single field. */
export function formError(error: ErrorLike): string | null {
  if (!error) return null;
  return error.data?.issues?.length ? "Some fields need attention." : error.message;
}
