import { HOLD_KINDS } from "@/db/schema/values";

export { HOLD_KINDS };
export type HoldKind = (typeof HOLD_KINDS)[number];
