import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { organizations } from "@/db/schema";
import { senderSettings, type SenderSettings } from "./communications.schemas";

/** The key under organizations.settings owned by communications: who the messages come from. */
export const SENDER_SETTINGS_KEY = "communications";

/**
 * The organization's sender details, or what the organization is called with a placeholder address when none
 * were saved (messages still go out, signed with the organization's name).
 */
export async function readSender(db: Database, orgId: string): Promise<SenderSettings> {
  const [org] = await db
    .select({ name: organizations.name, settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const parsed = senderSettings.safeParse(org?.settings?.[SENDER_SETTINGS_KEY]);
  if (parsed.success) return parsed.data;
  return senderSettings.parse({
    name: org?.name ?? "Recoup",
    fromEmail: process.env.EMAIL_FROM ?? "no-reply@recoup.invalid",
  });
}
