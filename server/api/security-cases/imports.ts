import { importJobs } from "@/db/schema";
import { defineCases } from "./types";

export const cases = defineCases({
  async setup({ db, a }) {
    const [job] = await db
      .insert(importJobs)
      .values({
        orgId: a.orgId,
        creditorId: a.creditorId,
        kind: "accounts",
        fileName: "fixture.csv",
        fileBytes: 10,
        fileSha256: "0".repeat(64),
        storageKey: `${a.orgId}/00000000-0000-0000-0000-000000000000`,
        source: {
          format: "csv",
          encoding: "utf-8",
          delimiter: ",",
          headerLine: 1,
          header: ["Ref", "Name", "Balance", "Due"],
        },
      })
      .returning();
    return { importId: job!.id };
  },
  calls: (_fx, { importId }) => ({
    "imports.list": (c) => c.imports.list({}),
    "imports.get": (c) => c.imports.get({ id: importId }),
    "imports.errors": (c) => c.imports.errors({ id: importId }),
    "imports.start": (c) =>
      c.imports.start({
        id: importId,
        mapping: { columns: { Ref: "externalRef", Name: "fullName", Balance: "balance", Due: "dueOn" } },
        mode: "valid_rows",
      }),
    "imports.cancel": (c) => c.imports.cancel({ id: importId }),
  }),
});
