/**
 * Where to go after signing in: only a same-origin path ("/accounts?page=2"). Anything that a browser could
 * read as another origin ("//evil.example", "/\\evil.example", "https://…") is refused, so the sign-in page
 * cannot be used as an open redirect.
 */
export function safeCallbackPath(value: unknown): string | undefined {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof v !== "string" || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return undefined;
  return v;
}
