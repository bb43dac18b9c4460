"use client";

/** STUB (owned by the holds/contacts slice): the account's holds, with place and release actions. */
export function HoldsCard({ accountId, debtorId }: { accountId: string; debtorId: string }) {
  void accountId;
  void debtorId;
  return null;
}
