import { eq } from "drizzle-orm";
import { contactPoints, holds } from "@/db/schema";
import { defineCases } from "./types";

export const cases = defineCases({
  async setup({ db, a, accountA }) {
    const [hold] = await db
      .insert(holds)
      .values({
        orgId: a.orgId,
        debtorId: accountA.debtorId,
        accountId: accountA.id,
        kind: "manual",
        reason: "Security fixture",
        placedAt: new Date("2026-11-01T00:00:00Z"),
      })
      .returning();
    const [contact] = await db.select().from(contactPoints).where(eq(contactPoints.debtorId, accountA.debtorId));
    return { holdId: hold!.id, contactPointId: contact!.id };
  },
  calls: ({ accountA }, { holdId, contactPointId }) => {
    const target = { accountId: accountA.id, contactPointId, expectedVersion: 1 };
    return {
      "hold.list": (c) => c.hold.list({ accountId: accountA.id }),
      "hold.place": (c) =>
        c.hold.place({ accountId: accountA.id, kind: "cease", reason: "Cease letter", evidence: "Letter 11/20" }),
      "hold.release": (c) =>
        c.hold.release({ accountId: accountA.id, holdId, expectedVersion: 1, reason: "Review finished, resume" }),
      "contact.list": (c) => c.contact.list({ accountId: accountA.id }),
      "contact.add": (c) => c.contact.add({ accountId: accountA.id, kind: "phone", value: "(602) 555-0143" }),
      "contact.correct": (c) => c.contact.correct({ ...target, kind: "phone", value: "(480) 555-0143" }),
      "contact.invalidate": (c) => c.contact.invalidate({ ...target, reason: "Wrong number" }),
      "contact.setPrimary": (c) => c.contact.setPrimary(target),
      "contact.recordConsent": (c) =>
        c.contact.recordConsent({ ...target, level: "express", source: "Recorded call 2026-11-24" }),
      "contact.recordOptOut": (c) => c.contact.recordOptOut({ ...target, source: "verbal_request" }),
    };
  },
});
