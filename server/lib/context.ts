import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import type { Role } from "./permissions";

export type Actor =
  | { type: "staff"; userId: string; role: Role }
  | { type: "debtor"; debtorId: string }
  | { type: "system"; job: string }
  | { type: "webhook"; source: string; eventId: string }
  | { type: "apiKey"; keyId: string };

/** Everything a domain verb needs; the clock is injected so rules can be tested at fixed instants. */
export type ServiceContext = {
  orgId: string;
  actor: Actor;
  requestId: string;
  db: Database;
  now: () => Date;
};

declare const inTransaction: unique symbol;
/** A context whose `db` is a transaction: only such a context can write an audit event. */
export type TxContext = ServiceContext & { readonly [inTransaction]: true };

/** Runs `fn` in one transaction; everything it writes, its audit event included, commits or rolls back together. */
export function withTransaction<T>(ctx: ServiceContext, fn: (tx: TxContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx } as ServiceContext as TxContext));
}

export function newRequestId(): string {
  return randomUUID();
}

export function systemContext(
  db: Database,
  orgId: string,
  job: string,
  now: () => Date = () => new Date(),
): ServiceContext {
  return { orgId, actor: { type: "system", job }, requestId: `${job}:${newRequestId()}`, db, now };
}

export function actorId(actor: Actor): string {
  switch (actor.type) {
    case "staff":
      return actor.userId;
    case "debtor":
      return actor.debtorId;
    case "system":
      return actor.job;
    case "webhook":
      return `${actor.source}:${actor.eventId}`;
    case "apiKey":
      return actor.keyId;
  }
}
