import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, type TestPortal, twoPartners } from "../support/http-app.ts";

describe.each(testDatabaseKinds())("task list API on %s", (kind) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(twoPartners());
    await portal.addUser({ email: "ann@alpha.test", name: "Ann", role: "admin", partnerId: "alpha" });
  });
  afterAll(() => portal.close());

  it("lists only the caller's partner's tasks, with counts", async () => {
    const session = await portal.signIn("ann@alpha.test");
    const response = await portal.app.inject({ url: "/api/v1/tasks", headers: session.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((t: { companyId: string }) => t.companyId.startsWith("alpha-"))).toBe(true);
    expect(body.counts.severity.high + body.counts.severity.medium + body.counts.severity.low).toBe(
      body.items.length,
    );
  });

  it("answers 401 without a session", async () => {
    const response = await portal.app.inject({ url: "/api/v1/tasks" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("UNAUTHENTICATED");
  });
});
