/**
 * Signed links in messages: the one-click unsubscribe of an email address, and the debtor's way into the portal.
 * A link carries what it is for and an HMAC of it; nothing secret is in it, and a changed byte breaks it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

function secret(): string {
  const key = process.env.LINK_SECRET ?? process.env.AUTH_SECRET;
  // Fail closed: without a key no link can be made or trusted.
  if (!key) throw new Error("LINK_SECRET (or AUTH_SECRET) must be set to sign links in messages");
  return key;
}

function sign(purpose: string, payload: string): string {
  return createHmac("sha256", secret()).update(`${purpose}:${payload}`).digest("base64url");
}

export function signToken(purpose: string, parts: string[]): string {
  const payload = Buffer.from(parts.join("|")).toString("base64url");
  return `${payload}.${sign(purpose, payload)}`;
}

/** The parts of a token made by `signToken` for this purpose, or null when it is not one (compared in constant time). */
export function verifyToken(purpose: string, token: string): string[] | null {
  const [payload, mac] = token.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, "base64url").toString("utf8").split("|");
}

export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** RFC 8058 one-click unsubscribe of one email address of one organization. */
export function unsubscribeUrl(orgId: string, contactPointId: string): string {
  return `${appUrl()}/api/unsubscribe/${signToken("unsubscribe", [orgId, contactPointId])}`;
}

export function portalUrl(orgId: string, accountId: string): string {
  return `${appUrl()}/pay?t=${signToken("portal", [orgId, accountId])}`;
}
