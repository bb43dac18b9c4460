import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, savedViews } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/lib/errors";
import type { Role } from "@/server/lib/permissions";
import { createView } from "./create-view";
import { deleteView } from "./delete-view";
import { listViews } from "./list-views";
import { shareView } from "./share-view";
import { updateView } from "./update-view";

describe.each(testDrivers())("saved views (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "views");
    other = await createOrg(handle.db, "views-other");
  });
  afterAll(() => handle.close());

  const as = (role: Role, o: TestOrg = org) => staffContext(handle.db, o, role);
  const names = async (role: Role, o: TestOrg = org) => (await listViews({ ctx: as(role, o) })).map((v) => v.name);
  const audit = (entityId: string) =>
    handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.entityId, entityId)))
      .then((rows) => rows.map((r) => r.action));

  it("saves the list's filters and ordering, validated and normalised, one name per owner", async () => {
    const view = await createView({
      ctx: as("agent"),
      input: { name: " Overdue Texas ", filters: { state: "tx", minDpd: 30, sort: "balance", dir: "desc" } },
    });
    expect(view).toMatchObject({ name: "Overdue Texas", shared: false, ownerId: org.users.agent.id });
    expect(view.filters).toEqual({ state: "TX", minDpd: 30, sort: "balance", dir: "desc" });
    await expect(createView({ ctx: as("agent"), input: { name: "overdue TEXAS", filters: {} } })).rejects.toThrow(
      ConflictError,
    );
    await expect(createView({ ctx: as("agent"), input: { name: "overdue TEXAS", filters: {} } })).rejects.toThrow(
      /already a view named "overdue TEXAS"/,
    );
    // Another person may use the same name.
    await createView({ ctx: as("manager"), input: { name: "Overdue Texas", filters: { state: "TX" } } });
    await expect(
      createView({ ctx: as("agent"), input: { name: "Bad range", filters: { minDpd: 90, maxDpd: 30 } } }),
    ).rejects.toThrow(/Days past due: the minimum \(90\) is above the maximum \(30\)/);
    await expect(
      createView({ ctx: as("agent"), input: { name: "Unknown", filters: { colour: "red" } as never } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(createView({ ctx: as("auditor"), input: { name: "Mine", filters: {} } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await audit(view.id)).toEqual(["view.created"]);
  });

  it("lists my views and the organization's shared ones, re-validating stored filters", async () => {
    const [stale] = await handle.db
      .insert(savedViews)
      .values({
        orgId: org.orgId,
        ownerId: org.users.agent.id,
        name: "From an older release",
        filters: { minDpd: 30, maxDpd: 10, retired: true },
      })
      .returning();
    const agentViews = await listViews({ ctx: as("agent") });
    expect(agentViews.map((v) => v.name)).toEqual(["From an older release", "Overdue Texas"]);
    const old = agentViews.find((v) => v.id === stale!.id)!;
    expect(old.definition).toBeNull();
    expect(old.problem).toMatch(/no longer valid/);
    expect(old.problem).toMatch(/retired/);
    expect(agentViews.find((v) => v.name === "Overdue Texas")).toMatchObject({
      mine: true,
      canChange: true,
      problem: null,
      definition: { state: "TX", minDpd: 30, sort: "balance", dir: "desc" },
    });
    // Not shared yet: nobody else sees the agent's views.
    expect(await names("manager")).toEqual(["Overdue Texas"]);
    expect(await names("admin", other)).toEqual([]);
    await expect(shareView({ ctx: as("agent"), input: { viewId: stale!.id, shared: true } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("shares with permission, and only the owner or an admin may change or delete", async () => {
    const managerView = (await listViews({ ctx: as("manager") }))[0]!;
    const shared = await shareView({ ctx: as("manager"), input: { viewId: managerView.id, shared: true } });
    expect(shared.shared).toBe(true);
    await expect(shareView({ ctx: as("manager"), input: { viewId: managerView.id, shared: true } })).rejects.toThrow(
      /already shared/,
    );

    const seen = (await listViews({ ctx: as("agent") })).find((v) => v.id === managerView.id)!;
    expect(seen).toMatchObject({ mine: false, canChange: false, ownerName: "Manager views", shared: true });
    expect(await names("auditor")).toEqual(["Overdue Texas"]);

    await expect(updateView({ ctx: as("agent"), input: { viewId: managerView.id, name: "Hijacked" } })).rejects.toThrow(
      /owner or an admin/,
    );
    await expect(deleteView({ ctx: as("agent"), input: { viewId: managerView.id } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Someone else's private view is not even found; another organization's neither.
    const agentView = (await listViews({ ctx: as("agent") })).find((v) => v.mine && v.name === "Overdue Texas")!;
    await expect(updateView({ ctx: as("manager"), input: { viewId: agentView.id, name: "x" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteView({ ctx: as("admin", other), input: { viewId: managerView.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const renamed = await updateView({
      ctx: as("admin"),
      input: { viewId: managerView.id, name: "Texas (team)", filters: { state: "TX", status: ["active"] } },
    });
    expect(renamed).toMatchObject({ name: "Texas (team)", ownerId: org.users.manager.id });
    expect(renamed.filters).toEqual({ state: "TX", status: ["active"] });

    await shareView({ ctx: as("manager"), input: { viewId: managerView.id, shared: false } });
    expect(await names("agent")).not.toContain("Texas (team)");
    expect(await audit(managerView.id)).toEqual(["view.created", "view.shared", "view.updated", "view.unshared"]);
  });

  it("renames only to a free name, refuses to share invalid filters, and deletes with an audit trail", async () => {
    const views = await listViews({ ctx: as("agent") });
    const texas = views.find((v) => v.name === "Overdue Texas")!;
    const old = views.find((v) => v.name === "From an older release")!;
    await expect(
      updateView({ ctx: as("agent"), input: { viewId: old.id, name: "OVERDUE texas" } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(updateView({ ctx: as("agent"), input: { viewId: old.id } })).rejects.toThrow(
      /new name or new filters/,
    );
    await expect(shareView({ ctx: as("admin"), input: { viewId: old.id, shared: true } })).rejects.toThrow(
      /no longer valid/,
    );
    const fixed = await updateView({ ctx: as("agent"), input: { viewId: old.id, filters: { maxDpd: 30 } } });
    expect(fixed.filters).toEqual({ maxDpd: 30 });

    expect(await deleteView({ ctx: as("agent"), input: { viewId: texas.id } })).toEqual({ id: texas.id });
    expect(await names("agent")).toEqual(["From an older release"]);
    expect(await audit(texas.id)).toEqual(["view.created", "view.deleted"]);
    await expect(deleteView({ ctx: as("agent"), input: { viewId: texas.id } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
