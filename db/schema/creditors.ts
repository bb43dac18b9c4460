import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, orgId, timestamps } from "./_columns";
import { organizations } from "./organizations";

/** Whose money it is: the client an agency collects for, or the organization itself when in-house. */
export const creditors = pgTable(
  "creditors",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("creditors_org_code_unique").on(t.orgId, t.code), index("creditors_org_idx").on(t.orgId)],
);
