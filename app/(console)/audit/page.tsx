import type { Metadata } from "next";
import Link from "next/link";
import { FileClockIcon } from "lucide-react";
import { NotAllowed } from "@/components/layout/not-allowed";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Instant } from "@/components/domain/instant";
import { serverCaller } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import type { ListAuditInput } from "@/server/modules/audit/audit.schemas";

export const metadata: Metadata = { title: "Audit log · Recoup" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Actions the domain records today; free text is accepted too. */
const KNOWN_ACTIONS = [
  "account.status_changed",
  "account.note_added",
  "account.bulk_assigned",
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.signed_in",
];
const KNOWN_ENTITY_TYPES = ["account", "user"];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: string | string[] | undefined, max = 200): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v.slice(0, max) : undefined;
}

function date(value: string | string[] | undefined): string | undefined {
  const v = one(value);
  return v && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;
}

type Filters = { actor?: string; action?: string; entityType?: string; entityId?: string; from?: string; to?: string };

function auditHref(filters: Filters, before?: number): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) sp.set(key, value);
  if (before) sp.set("before", String(before));
  const qs = sp.toString();
  return qs ? `/audit?${qs}` : "/audit";
}

function json(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value, null, 2);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { staff, allowed } = await requireStaff("audit.read");
  if (!allowed) return <NotAllowed permission="audit.read" role={staff.role} what="the audit log" />;

  const sp = await searchParams;
  const filters: Filters = {
    actor: one(sp.actor),
    action: one(sp.action, 100),
    entityType: one(sp.entityType, 100),
    entityId: one(sp.entityId),
    from: date(sp.from),
    to: date(sp.to),
  };
  const beforeRaw = Number(one(sp.before));
  const before = Number.isSafeInteger(beforeRaw) && beforeRaw > 0 ? beforeRaw : undefined;

  const input: ListAuditInput = { limit: 50 };
  if (filters.actor) input.actorId = filters.actor;
  if (filters.action) input.action = filters.action;
  if (filters.entityType) input.entityType = filters.entityType;
  if (filters.entityId) input.entityId = filters.entityId;
  if (filters.from) input.from = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) input.to = new Date(`${filters.to}T23:59:59.999Z`);
  if (before) input.before = before;

  const caller = await serverCaller();
  const mayReadUsers = can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, "user.read");
  const [{ events, nextCursor }, users] = await Promise.all([
    caller.audit.list(input),
    mayReadUsers ? caller.user.list() : Promise.resolve([]),
  ]);
  const actorKnown = !filters.actor || users.some((u) => u.id === filters.actor);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Audit log"
        description="Every change, who made it and when, newest first. Times and dates are in UTC."
      />

      <form
        method="get"
        action="/audit"
        role="search"
        aria-label="Filter audit events"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6"
      >
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-actor">Actor</Label>
          <NativeSelect id="audit-actor" name="actor" defaultValue={filters.actor ?? ""}>
            <option value="">Anyone</option>
            {!actorKnown ? <option value={filters.actor}>{filters.actor}</option> : null}
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <Input
            id="audit-action"
            name="action"
            list="audit-actions"
            placeholder="e.g. account.status_changed"
            defaultValue={filters.action ?? ""}
          />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-entity-type">Entity type</Label>
          <Input
            id="audit-entity-type"
            name="entityType"
            list="audit-entity-types"
            placeholder="e.g. account"
            defaultValue={filters.entityType ?? ""}
          />
          <datalist id="audit-entity-types">
            {KNOWN_ENTITY_TYPES.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-entity-id">Entity id</Label>
          <Input id="audit-entity-id" name="entityId" autoComplete="off" defaultValue={filters.entityId ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-from">From</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-to">To</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3 xl:col-span-6">
          <Button type="submit">Apply filters</Button>
          {filtered ? (
            <Button variant="ghost" asChild>
              <Link href="/audit">Reset</Link>
            </Button>
          ) : null}
        </div>
      </form>

      {events.length === 0 ? (
        <EmptyState
          icon={FileClockIcon}
          title={before ? "No older events" : "No audit events match these filters"}
          description={filtered ? "Try fewer or different filters." : undefined}
          action={
            before ? (
              <Button variant="outline" asChild>
                <Link href={auditHref(filters)}>Newest</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Audit events">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col">Time</TableHead>
                <TableHead scope="col">Actor</TableHead>
                <TableHead scope="col">Action</TableHead>
                <TableHead scope="col">Entity</TableHead>
                <TableHead scope="col">Request</TableHead>
                <TableHead scope="col">Details</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.map((e) => (
                <TableRow key={e.seq} data-seq={e.seq} className="align-top">
                  <TableCell className="align-top">
                    <Instant value={e.occurredAt} />
                  </TableCell>
                  <TableCell className="align-top">
                    {e.actorName ?? (
                      <span className="font-mono text-xs">
                        {e.actorType}:{e.actorId ?? "—"}
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="align-top">
                    <Badge variant="outline" className="font-mono">
                      {e.action}
                    </Badge>
                  </TableCell>
                  <TableCell className="align-top">
                    <span className="text-muted-foreground">{e.entityType}</span>{" "}
                    {e.entityId ? (
                      e.entityType === "account" ? (
                        <Link
                          href={`/accounts/${e.entityId}`}
                          className="font-mono text-xs underline-offset-4 hover:underline"
                        >
                          {e.entityId}
                        </Link>
                      ) : (
                        <span className="font-mono text-xs">{e.entityId}</span>
                      )
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell className="align-top">
                    <code className="font-mono text-xs" title={e.requestId}>
                      {e.requestId.length > 8 ? `${e.requestId.slice(0, 8)}…` : e.requestId}
                    </code>
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    {e.before == null && e.after == null ? (
                      <span className="text-muted-foreground">—</span>
                    ) : (
                      <details className="max-w-md">
                        <summary className="cursor-pointer rounded-sm text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
                          Before / after
                        </summary>
                        <div className="mt-2 grid gap-2">
                          <div>
                            <div className="text-xs font-medium text-muted-foreground">Before</div>
                            <pre className="max-h-64 overflow-auto rounded-md bg-muted p-2 font-mono text-xs">
                              {json(e.before)}
                            </pre>
                          </div>
                          <div>
                            <div className="text-xs font-medium text-muted-foreground">After</div>
                            <pre className="max-h-64 overflow-auto rounded-md bg-muted p-2 font-mono text-xs">
                              {json(e.after)}
                            </pre>
                          </div>
                        </div>
                      </details>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {events.length > 0 && (before || nextCursor) ? (
        <nav aria-label="Pagination" className="flex items-center justify-end gap-2">
          {before ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={auditHref(filters)}>Newest</Link>
            </Button>
          ) : null}
          {nextCursor ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={auditHref(filters, nextCursor)}>Older events</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
