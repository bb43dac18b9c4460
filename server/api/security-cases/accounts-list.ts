import { savedViews } from "@/db/schema";
import { defineCases } from "./types";

/** The accounts list's procedures beyond the base list/assign: count, bulk tag and status, saved views. */
export const cases = defineCases({
  setup: async (fx) => {
    const [view] = await fx.db
      .insert(savedViews)
      .values({ orgId: fx.a.orgId, ownerId: fx.a.users.admin.id, name: "Security case view", filters: {} })
      .returning();
    return { viewId: view!.id };
  },
  calls: (fx, extra) => ({
    "account.countMatching": (c) => c.account.countMatching({ status: ["active"] }),
    "account.tag": (c) => c.account.tag({ accountIds: [fx.accountA.id], add: ["security-case"] }),
    "account.bulkChangeStatus": (c) =>
      c.account.bulkChangeStatus({ accountIds: [fx.accountA.id], status: "on_hold", reason: "gate test" }),
    "view.list": (c) => c.view.list(),
    "view.create": (c) => c.view.create({ name: "Gate test view", filters: { status: ["active"] } }),
    "view.update": (c) => c.view.update({ viewId: extra.viewId, name: "Renamed by gate test" }),
    "view.delete": (c) => c.view.delete({ viewId: extra.viewId }),
    "view.share": (c) => c.view.share({ viewId: extra.viewId, shared: true }),
  }),
});
