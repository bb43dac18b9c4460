"use client";

/** STUB (owned by the holds/contacts slice): the debtor's contact points, with add, correct, invalidate, consent, opt-out. */
export function ContactPointsCard({ accountId, debtorId }: { accountId: string; debtorId: string }) {
  void accountId;
  void debtorId;
  return null;
}
