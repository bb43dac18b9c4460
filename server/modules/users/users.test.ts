import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, TEST_PASSWORD, type TestOrg } from "@/db/testing/factories";
import { ForbiddenError, ValidationError } from "@/server/lib/errors";
import { authenticate } from "./authenticate";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { setUserActive } from "./set-user-active";
import { setUserRole } from "./set-user-role";

describe.each(testDrivers())("users (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "users");
  });
  afterAll(() => handle.close());

  const snapshot = async () => ({
    users: (await handle.db.select({ n: count() }).from(users))[0]!.n,
    events: (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n,
  });

  it("an admin creates a user who can then sign in; the hash is never returned", async () => {
    const admin = staffContext(handle.db, org, "admin");
    const created = await createUser({
      ctx: admin,
      input: { email: "  New.Agent@Users.TEST ", name: "New Agent", role: "agent", password: "a-long-password-1" },
    });
    expect(created).toMatchObject({ email: "new.agent@users.test", role: "agent", active: true });
    expect(created).not.toHaveProperty("passwordHash");
    const signedIn = await authenticate(handle.db, { email: "NEW.AGENT@users.test", password: "a-long-password-1" });
    expect(signedIn).toMatchObject({ id: created.id, orgId: org.orgId, role: "agent" });
    expect(await authenticate(handle.db, { email: "new.agent@users.test", password: "wrong-password" })).toBeNull();
    expect(await authenticate(handle.db, { email: "nobody@users.test", password: "a-long-password-1" })).toBeNull();
  });

  it("rejects a duplicate email (any case) with a specific error and changes nothing", async () => {
    const before = await snapshot();
    await expect(
      createUser({
        ctx: staffContext(handle.db, org, "admin"),
        input: { email: "ADMIN@users.test", name: "Dup", role: "agent", password: "a-long-password-1" },
      }),
    ).rejects.toThrow("A user with the email admin@users.test already exists");
    expect(await snapshot()).toEqual(before);
  });

  it("rejects an unknown role, a short password and a bad email, naming each field", async () => {
    const before = await snapshot();
    const error = await createUser({
      ctx: staffContext(handle.db, org, "admin"),
      input: { email: "not-an-email", name: "X", role: "owner" as never, password: "short" },
    }).then(
      () => expect.unreachable("invalid input was accepted"),
      (e: unknown) => e as ValidationError,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.path).sort()).toEqual(["email", "password", "role"]);
    expect(error.issues.find((i) => i.path === "role")!.message).toMatch(/Unknown role "owner"/);
    expect(await snapshot()).toEqual(before);
  });

  it("only admins manage users, even when a verb is called directly", async () => {
    for (const role of ["manager", "agent", "auditor"] as const) {
      await expect(
        createUser({
          ctx: staffContext(handle.db, org, role),
          input: { email: `${role}x@users.test`, name: "X", role: "agent", password: "a-long-password-1" },
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        setUserRole({ ctx: staffContext(handle.db, org, role), input: { userId: org.users.agent.id, role: "admin" } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(listUsers({ ctx: staffContext(handle.db, org, "agent") })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes a role and deactivates: a deactivated user cannot sign in; reactivation restores it", async () => {
    const admin = staffContext(handle.db, org, "admin");
    const changed = await setUserRole({ ctx: admin, input: { userId: org.users.agent.id, role: "manager" } });
    expect(changed.role).toBe("manager");
    await expect(setUserRole({ ctx: admin, input: { userId: org.users.agent.id, role: "manager" } })).rejects.toThrow(
      /already has the role/,
    );
    await setUserActive({ ctx: admin, input: { userId: org.users.agent.id, active: false } });
    expect(await authenticate(handle.db, { email: org.users.agent.email, password: TEST_PASSWORD })).toBeNull();
    await setUserActive({ ctx: admin, input: { userId: org.users.agent.id, active: true } });
    expect(await authenticate(handle.db, { email: org.users.agent.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("never leaves an organization without an active admin, and an admin cannot deactivate themself", async () => {
    const admin = staffContext(handle.db, org, "admin");
    await expect(setUserActive({ ctx: admin, input: { userId: org.users.admin.id, active: false } })).rejects.toThrow(
      /cannot deactivate yourself/,
    );
    await expect(setUserRole({ ctx: admin, input: { userId: org.users.admin.id, role: "agent" } })).rejects.toThrow(
      /last active admin/,
    );
    const [row] = await handle.db.select().from(users).where(eq(users.id, org.users.admin.id));
    expect(row).toMatchObject({ role: "admin", active: true });
  });

  it("rejects malformed ids before touching the database", async () => {
    await expect(
      setUserActive({
        ctx: staffContext(handle.db, org, "admin"),
        input: { userId: "1; drop table users", active: false },
      }),
    ).rejects.toThrow(/Malformed user id/);
  });
});
