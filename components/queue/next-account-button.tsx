"use client";

/** STUB (owned by the queues slice): opens the next account of the signed-in agent's queue. */
export function NextAccountButton({ currentAccountId }: { currentAccountId?: string }) {
  void currentAccountId;
  return null;
}
