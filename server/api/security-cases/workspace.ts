import { and, eq } from "drizzle-orm";
import { contactPoints } from "@/db/schema";
import { staffContext } from "@/db/testing/factories";
import { createPromise } from "@/server/modules/promises/create-promise";
import { createTask } from "@/server/modules/tasks/create-task";
import { defineCases } from "./types";

/** Account workspace: calls, promises, tasks, timeline. The fixtures' promise bumps accountA's version. */
export const cases = defineCases({
  setup: async ({ db, a, accountA: account }) => {
    const [phone] = await db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, account.debtorId), eq(contactPoints.kind, "phone")));
    const ctx = staffContext(db, a, "agent");
    const task = await createTask({
      ctx,
      input: {
        accountId: account.id,
        kind: "callback",
        title: "Gate test",
        due: { kind: "instant", at: new Date(ctx.now().getTime() + 3_600_000) },
      },
    });
    const promise = await createPromise({
      ctx,
      input: { accountId: account.id, amountMinor: 1_000, dueOn: "2026-12-01", expectedVersion: account.version },
    });
    return { account, phoneId: phone!.id, task, promise };
  },
  calls: ({ a }, { account, phoneId, task, promise }) => ({
    "interaction.logCall": (c) =>
      c.interaction.logCall({
        accountId: account.id,
        direction: "outbound",
        contactPointId: phoneId,
        personReached: "none",
        outcome: "no_answer",
        conversation: false,
        durationSeconds: 0,
      }),
    "interaction.createPromise": (c) =>
      c.interaction.createPromise({
        accountId: account.id,
        amountMinor: 500,
        dueOn: "2026-12-05",
        expectedVersion: promise.accountVersion,
      }),
    "interaction.cancelPromise": (c) =>
      c.interaction.cancelPromise({ promiseId: promise.id, expectedVersion: promise.accountVersion, reason: "gate" }),
    "task.mine": (c) => c.task.mine({}),
    "task.byAccount": (c) => c.task.byAccount({ accountId: account.id }),
    "task.create": (c) =>
      c.task.create({
        accountId: account.id,
        kind: "review",
        title: "Review",
        due: { kind: "local", date: "2026-11-30", time: "10:00", timeZone: "America/Chicago" },
      }),
    "task.complete": (c) => c.task.complete({ taskId: task.id, expectedVersion: task.version }),
    "task.cancel": (c) => c.task.cancel({ taskId: task.id, expectedVersion: task.version }),
    "task.reassign": (c) =>
      c.task.reassign({ taskId: task.id, assigneeId: a.users.manager.id, expectedVersion: task.version }),
    "timeline.list": (c) => c.timeline.list({ accountId: account.id }),
  }),
});
