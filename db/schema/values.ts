/**
 * Vocabularies shared by the database enums and the code that validates or displays them. Plain arrays with no
 * drizzle import, so zod schemas and the UI can use them without pulling in the ORM.
 */
export const USER_ROLES = ["admin", "manager", "agent", "auditor"] as const;

export const ACCOUNT_STATUSES = [
  "active",
  "in_plan",
  "promised",
  "disputed",
  "on_hold",
  "settled",
  "paid",
  "closed",
  "recalled",
  "legal",
] as const;
