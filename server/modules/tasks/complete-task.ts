import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { closeTask } from "./close-task";
import { completeTaskInput, type CompleteTaskInput } from "./tasks.schemas";

export async function completeTask({ ctx, input }: { ctx: ServiceContext; input: CompleteTaskInput }) {
  assertCan(ctx, "task.manage");
  return closeTask(ctx, parseInput(completeTaskInput, input), "done");
}
