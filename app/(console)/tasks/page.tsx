import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { TASK_WINDOWS, type TaskWindow } from "@/server/modules/tasks/tasks.schemas";
import { MyTasks } from "./_components/my-tasks";

const PAGE_SIZE = 25;

export const metadata: Metadata = { title: "My tasks · Recoup" };

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, allowed } = await requireStaff("task.manage");
  if (!allowed) return <NotAllowed permission="task.manage" role={staff.role} what="tasks" />;

  const raw = (await searchParams).window;
  const tab: TaskWindow = TASK_WINDOWS.find((w) => w === raw) ?? "all";
  await getQueryClient().prefetchQuery(trpc.task.mine.queryOptions({ window: tab, page: 1, pageSize: PAGE_SIZE }));
  return (
    <HydrateClient>
      <MyTasks initialWindow={tab} pageSize={PAGE_SIZE} />
    </HydrateClient>
  );
}
