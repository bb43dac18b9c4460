import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { closeTask } from "./close-task";
import { cancelTaskInput, type CancelTaskInput } from "./tasks.schemas";

export async function cancelTask({ ctx, input }: { ctx: ServiceContext; input: CancelTaskInput }) {
  assertCan(ctx, "task.manage");
  return closeTask(ctx, parseInput(cancelTaskInput, input), "cancelled");
}
