export type FakeResendEmail = {
  id: string;
  idempotencyKey: string | null;
  headers: Record<string, string>;
  body: Record<string, unknown>;
};
export function startFakeResend(options?: { port?: number; key?: string }): Promise<{
  url: string;
  emails: FakeResendEmail[];
  close: () => Promise<void>;
}>;
