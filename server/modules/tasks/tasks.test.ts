import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, contactPoints, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { cancelTask } from "./cancel-task";
import { completeTask } from "./complete-task";
import { createTask } from "./create-task";
import { listAccountTasks } from "./list-account-tasks";
import { listMyTasks } from "./list-my-tasks";
import { reassignTask } from "./reassign-task";

const HOUR = 3_600_000;

describe.each(testDrivers())("tasks (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let accountId: string;

  const agent = () => staffContext(handle.db, org, "agent");
  const at = (ms: number) => ({ kind: "instant" as const, at: new Date(FIXED_NOW.getTime() + ms) });

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "tasks");
    other = await createOrg(handle.db, "tasks-other");
    const account = await createAccount(handle.db, org, { ref: "T-1" });
    accountId = account.id;

    // The agent works in Los Angeles: FIXED_NOW (15:00Z) is 07:00 there, and the local day ends at 08:00Z tomorrow.
    await handle.db.update(users).set({ timeZone: "America/Los_Angeles" }).where(eq(users.id, org.users.agent.id));
  });
  afterAll(() => handle.close());

  it("converts a wall-clock due time from the debtor's or the agent's zone, DST included", async () => {
    const create = (date: string, time: string, timeZone: string) =>
      createTask({
        ctx: agent(),
        input: { accountId, kind: "callback", title: "Call back", due: { kind: "local", date, time, timeZone } },
      });
    expect((await create("2026-11-25", "14:00", "America/Phoenix")).dueAt.toISOString()).toBe(
      "2026-11-25T21:00:00.000Z",
    );
    expect((await create("2026-11-25", "14:00", "America/Los_Angeles")).dueAt.toISOString()).toBe(
      "2026-11-25T22:00:00.000Z",
    );
    // The Sunday clocks go forward in Chicago: 09:00 is CDT (UTC-5); 02:30 does not exist.
    expect((await create("2027-03-14", "09:00", "America/Chicago")).dueAt.toISOString()).toBe(
      "2027-03-14T14:00:00.000Z",
    );
    await expect(create("2027-03-14", "02:30", "America/Chicago")).rejects.toThrow(
      /02:30 does not exist on 2027-03-14 in America\/Chicago/,
    );
    await expect(create("2026-11-24", "06:00", "America/Los_Angeles")).rejects.toThrow(/in the past/);
    await expect(create("2026-11-30", "10:00", "Central")).rejects.toThrow(/not a time zone/);
    await expect(create("2026-11-30", "10:00", "-06:00")).rejects.toBeInstanceOf(ValidationError);
  });

  it("validates assignee, account and role, and audits creation on the account", async () => {
    await expect(
      createTask({
        ctx: agent(),
        input: { accountId, kind: "review", title: "x", due: at(HOUR), assigneeId: org.users.auditor.id },
      }),
    ).rejects.toBeInstanceOf(PreconditionError);
    await expect(
      createTask({
        ctx: agent(),
        input: { accountId, kind: "review", title: "x", due: at(HOUR), assigneeId: other.users.agent.id },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createTask({
        ctx: staffContext(handle.db, other, "agent"),
        input: { accountId, kind: "review", title: "x", due: at(HOUR) },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createTask({
        ctx: staffContext(handle.db, org, "auditor"),
        input: { accountId, kind: "review", title: "x", due: at(HOUR) },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createTask({ ctx: agent(), input: { accountId, kind: "review", title: "  ", due: at(HOUR) } }),
    ).rejects.toThrow(/Give the task a title/);

    const task = await createTask({
      ctx: staffContext(handle.db, org, "manager"),
      input: { accountId, kind: "review", title: "Check the file", due: at(2 * HOUR), assigneeId: org.users.agent.id },
    });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "task.created"), eq(auditEvents.entityId, accountId)))
      .orderBy(auditEvents.seq);
    expect(event).toMatchObject({ entityType: "account" });
    expect(task).toMatchObject({ assigneeId: org.users.agent.id, createdById: org.users.manager.id, status: "open" });
  });

  it("lists my open tasks by window in my own day, soonest first, with the debtor's zones", async () => {
    const mine = await handle.db.select().from(users).where(eq(users.id, org.users.agent.id));
    expect(mine[0]!.timeZone).toBe("America/Los_Angeles");
    const fresh = await createAccount(handle.db, org, { ref: "T-LIST" });
    // A second zone on the debtor's file: both are candidates.
    await handle.db.insert(contactPoints).values({
      orgId: org.orgId,
      debtorId: fresh.debtorId,
      kind: "phone",
      value: "+13125550100",
      timeZone: "America/Chicago",
    });
    const mk = (title: string, ms: number, assignee = org.users.agent.id) =>
      createTask({
        ctx: staffContext(handle.db, org, "manager"),
        input: { accountId: fresh.id, kind: "follow_up", title, due: at(ms), assigneeId: assignee },
      });
    // Created "now", then due times moved into the past the only way a task becomes overdue: time passing.
    const late = await createTask({
      ctx: { ...agent(), now: () => new Date(FIXED_NOW.getTime() - 3 * HOUR) },
      input: { accountId: fresh.id, kind: "callback", title: "Late", due: at(-2 * HOUR) },
    });
    await mk("Later today", 10 * HOUR); // 01:00Z tomorrow = 17:00 in Los Angeles today
    await mk("Tomorrow", 18 * HOUR); // 09:00Z tomorrow = 01:00 in Los Angeles tomorrow
    await mk("Somebody else's", 1 * HOUR, org.users.manager.id);

    const list = (window: "overdue" | "today" | "upcoming" | "all") => listMyTasks({ ctx: agent(), input: { window } });
    const overdue = await list("overdue");
    expect(overdue.rows.map((r) => r.title)).toEqual(["Late"]);
    expect(overdue.rows[0]).toMatchObject({
      id: late.id,
      overdue: true,
      externalRef: "T-LIST",
      debtorName: "Dana Doe",
    });
    expect(overdue.rows[0]!.debtorTimeZones).toEqual(["America/Chicago", "America/Phoenix"]);
    expect(overdue.timeZone).toBe("America/Los_Angeles");
    const today = await list("today");
    expect(today.rows.map((r) => r.title)).toContain("Later today");
    expect(today.rows.map((r) => r.title)).not.toContain("Tomorrow");
    expect((await list("upcoming")).rows.map((r) => r.title)).toContain("Tomorrow");
    const all = await list("all");
    expect(all.rows.map((r) => r.title)).not.toContain("Somebody else's");
    const dues = all.rows.map((r) => r.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(all.counts.all).toBe(all.counts.overdue + all.counts.today + all.counts.upcoming);
    expect(all.total).toBe(all.rows.length);

    const page1 = await listMyTasks({ ctx: agent(), input: { window: "all", pageSize: 5, page: 1 } });
    const page2 = await listMyTasks({ ctx: agent(), input: { window: "all", pageSize: 5, page: 2 } });
    expect(page1.rows).toHaveLength(5);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(page1.rows.length + page2.rows.length);
    expect(page1.rows.length + page2.rows.length).toBe(all.total);

    // Another organization's agent sees none of them.
    expect((await listMyTasks({ ctx: staffContext(handle.db, other, "agent"), input: {} })).total).toBe(0);
    await expect(listMyTasks({ ctx: staffContext(handle.db, org, "auditor"), input: {} })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("completes, cancels and reassigns with optimistic versions", async () => {
    const task = await createTask({
      ctx: agent(),
      input: { accountId, kind: "callback", title: "Version test", due: at(HOUR) },
    });
    // Two people have the task open at version 1; one reassigns it, the other's completion is refused.
    const moved = await reassignTask({
      ctx: staffContext(handle.db, org, "manager"),
      input: { taskId: task.id, assigneeId: org.users.manager.id, expectedVersion: 1 },
    });
    expect(moved).toMatchObject({ assigneeId: org.users.manager.id, version: 2 });
    const stale = await completeTask({ ctx: agent(), input: { taskId: task.id, expectedVersion: 1 } }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toMatch(/task changed since you opened it/);
    const done = await completeTask({ ctx: agent(), input: { taskId: task.id, expectedVersion: 2 } });
    expect(done).toMatchObject({ status: "done", completedById: org.users.agent.id, version: 3 });
    expect(done.completedAt).toEqual(FIXED_NOW);
    await expect(cancelTask({ ctx: agent(), input: { taskId: task.id, expectedVersion: 3 } })).rejects.toThrow(
      /already completed/,
    );
    await expect(
      completeTask({ ctx: staffContext(handle.db, other, "admin"), input: { taskId: task.id, expectedVersion: 3 } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const other2 = await createTask({
      ctx: agent(),
      input: { accountId, kind: "review", title: "Drop", due: at(HOUR) },
    });
    const cancelled = await cancelTask({
      ctx: agent(),
      input: { taskId: other2.id, expectedVersion: 1, reason: "No longer needed" },
    });
    expect(cancelled.status).toBe("cancelled");
    const actions = (
      await handle.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, accountId))
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["task.reassigned", "task.completed", "task.cancelled"]));

    const byAccount = await listAccountTasks({ ctx: staffContext(handle.db, org, "auditor"), input: { accountId } });
    const openFirst = byAccount.findIndex((t) => t.status !== "open");
    expect(byAccount.slice(0, openFirst).every((t) => t.status === "open")).toBe(true);
    expect(byAccount.slice(openFirst).every((t) => t.status !== "open")).toBe(true);
    const open = await listAccountTasks({ ctx: agent(), input: { accountId, include: "open" } });
    expect(open.every((t) => t.status === "open")).toBe(true);
  });
});
