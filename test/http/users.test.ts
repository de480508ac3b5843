import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../support/databases.ts";
import { createTestPortal, PASSWORD, type Session, type TestPortal } from "../support/http-app.ts";

const PARTNERS = {
  partners: [
    { id: "acme", name: "Acme Partners" },
    { id: "beta", name: "Beta Partners" },
  ],
  partnerships: [
    { id: "acme-resale", partnerId: "acme", name: "Acme Resale", type: "reseller" },
    { id: "beta-resale", partnerId: "beta", name: "Beta Resale", type: "reseller" },
  ],
  companies: [
    { id: "zenith", partnershipId: "acme-resale", name: "Zenith Corp" },
    { id: "initech", partnershipId: "acme-resale", name: "Initech" },
    { id: "beta-co", partnershipId: "beta-resale", name: "Beta Company" },
  ],
};

describe.each(testDatabaseKinds())("users API on %s", (kind) => {
  let portal: TestPortal;
  let admin: Session;
  let vendor: Session;
  let annId: string;
  let limId: string;
  let bobId: string;

  beforeAll(async () => {
    portal = await createTestPortal(kind);
    await portal.load(PARTNERS);
    annId = await portal.addUser({ email: "ann@acme.test", name: "Ann", role: "admin", partnerId: "acme" });
    limId = await portal.addUser({
      email: "lim@acme.test",
      name: "Lim",
      role: "user",
      partnerId: "acme",
      companyIds: ["zenith", "initech"],
    });
    bobId = await portal.addUser({ email: "bob@beta.test", name: "Bob", role: "admin", partnerId: "beta" });
    await portal.addUser({ email: "vera@vendor.test", name: "Vera", role: "vendor", partnerId: null });
    [admin, vendor] = await Promise.all([portal.signIn("ann@acme.test"), portal.signIn("vera@vendor.test")]);
  });
  afterAll(() => portal.close());

  const call = (
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: object,
    headers: Record<string, string> = admin.headers,
  ) => portal.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  describe("GET /users", () => {
    it("lists the partner's users with their companies", async () => {
      const response = await call("GET", "/users");
      expect(response.statusCode).toBe(200);
      const items = response.json().items;
      expect(items.map((u: { email: string }) => u.email)).toEqual(["ann@acme.test", "lim@acme.test"]);
      expect(items[1]).toEqual({
        id: limId,
        email: "lim@acme.test",
        name: "Lim",
        role: "user",
        partnerId: "acme",
        companyIds: ["initech", "zenith"],
        disabled: false,
        createdAt: "2026-12-04T09:00:00.000Z",
      });
    });

    it("lists everyone for the vendor, or one partner's users", async () => {
      const all = (await call("GET", "/users", undefined, vendor.headers)).json().items;
      expect(all.map((u: { email: string }) => u.email)).toEqual(
        expect.arrayContaining(["ann@acme.test", "bob@beta.test", "vera@vendor.test"]),
      );
      const beta = (await call("GET", "/users?partner=beta", undefined, vendor.headers)).json().items;
      expect(beta.map((u: { email: string }) => u.email)).toEqual(["bob@beta.test"]);
    });

    it("answers 401 without credentials and 403 for a user or a token", async () => {
      expect((await portal.app.inject({ url: "/api/v1/users" })).statusCode).toBe(401);
      const lim = await portal.signIn("lim@acme.test");
      const forbidden = await call("GET", "/users", undefined, lim.headers);
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json().error.code).toBe("FORBIDDEN");
      const token = await portal.token("acme", "read");
      expect((await call("GET", "/users", undefined, { authorization: `Bearer ${token}` })).statusCode).toBe(
        403,
      );
    });

    it("answers 400 for an invalid query", async () => {
      expect(
        (await call("GET", `/users?partner=${"x".repeat(201)}`, undefined, vendor.headers)).statusCode,
      ).toBe(400);
    });
  });

  describe("POST /users", () => {
    it("adds a limited user who can sign in", async () => {
      const response = await call("POST", "/users", {
        email: "una@acme.test",
        name: "Una",
        role: "user",
        companyIds: ["zenith"],
        password: PASSWORD,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        email: "una@acme.test",
        name: "Una",
        role: "user",
        partnerId: "acme",
        companyIds: ["zenith"],
        disabled: false,
      });
      const session = await portal.signIn("una@acme.test");
      const me = (await call("GET", "/me", undefined, session.headers)).json();
      expect(me.companyIds).toEqual(["zenith"]);
    });

    it("adds a notifications user without a password", async () => {
      const response = await call("POST", "/users", {
        email: "alerts@acme.test",
        name: "Alerts",
        role: "notifications",
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ role: "notifications", companyIds: [] });
    });

    it("lets the vendor add a user to a partner it names", async () => {
      const payload = {
        email: "bea@beta.test",
        name: "Bea",
        role: "admin",
        password: PASSWORD,
        partnerId: "beta",
      };
      const response = await call("POST", "/users", payload, vendor.headers);
      expect(response.statusCode).toBe(201);
      expect(response.json().partnerId).toBe("beta");
      const withoutPartner = await call(
        "POST",
        "/users",
        { ...payload, email: "x@beta.test", partnerId: undefined },
        vendor.headers,
      );
      expect(withoutPartner.statusCode).toBe(400);
    });

    it("answers 400 for invalid users", async () => {
      const base = { email: "new@acme.test", name: "New", role: "user", password: PASSWORD };
      const cases = [
        { ...base, email: "not-an-email" },
        { ...base, password: "short" },
        { ...base, password: undefined },
        { ...base, role: "vendor" },
        { ...base, name: "" },
        { ...base, companyIds: ["beta-co"] },
        { ...base, companyIds: ["no-such-company"] },
        { ...base, role: "admin", companyIds: ["zenith"] },
        { ...base, partnerId: "beta" },
        { email: "n@acme.test", name: "N", role: "notifications", password: PASSWORD },
      ];
      for (const payload of cases) {
        const response = await call("POST", "/users", payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe("INVALID_ARGUMENT");
      }
    });

    it("answers 409 for an email already in use, by any partner", async () => {
      for (const email of ["lim@acme.test", "BOB@beta.test"]) {
        const response = await call("POST", "/users", {
          email,
          name: "Dup",
          role: "admin",
          password: PASSWORD,
        });
        expect(response.statusCode, email).toBe(409);
        expect(response.json().error.code).toBe("CONFLICT");
      }
    });

    it("answers 401 without credentials and 403 for a read token, a user, or a missing CSRF token", async () => {
      const payload = { email: "t@acme.test", name: "T", role: "admin", password: PASSWORD };
      expect((await call("POST", "/users", payload, {})).statusCode).toBe(401);
      const token = await portal.token("acme", "read");
      expect((await call("POST", "/users", payload, { authorization: `Bearer ${token}` })).statusCode).toBe(
        403,
      );
      const lim = await portal.signIn("lim@acme.test");
      expect((await call("POST", "/users", payload, lim.headers)).statusCode).toBe(403);
      expect((await call("POST", "/users", payload, { cookie: admin.cookie })).statusCode).toBe(403);
    });
  });

  describe("PATCH /users/{id}", () => {
    it("renames a user and changes its companies", async () => {
      const response = await call("PATCH", `/users/${limId}`, { name: "Lim Lee", companyIds: ["initech"] });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: limId,
        name: "Lim Lee",
        role: "user",
        companyIds: ["initech"],
      });
    });

    it("promotes a user to admin, dropping its company limit", async () => {
      const id = await portal.addUser({
        email: "pia@acme.test",
        name: "Pia",
        role: "user",
        partnerId: "acme",
        companyIds: ["zenith"],
      });
      const response = await call("PATCH", `/users/${id}`, { role: "admin" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ role: "admin", companyIds: [] });
    });

    it("disables a user, ending its sessions, and enables it again", async () => {
      const id = await portal.addUser({
        email: "dan@acme.test",
        name: "Dan",
        role: "user",
        partnerId: "acme",
      });
      const session = await portal.signIn("dan@acme.test");
      expect((await call("GET", "/me", undefined, session.headers)).statusCode).toBe(200);
      const disabled = await call("PATCH", `/users/${id}`, { disabled: true });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json().disabled).toBe(true);
      expect((await call("GET", "/me", undefined, session.headers)).statusCode).toBe(401);
      const enabled = await call("PATCH", `/users/${id}`, { disabled: false });
      expect(enabled.json().disabled).toBe(false);
      // The old session stays revoked; signing in again works.
      expect((await call("GET", "/me", undefined, session.headers)).statusCode).toBe(401);
      await portal.signIn("dan@acme.test");
    });

    it("answers 409 when an admin would disable or demote itself", async () => {
      for (const payload of [{ disabled: true }, { role: "user" }]) {
        const response = await call("PATCH", `/users/${annId}`, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(409);
        expect(response.json().error.code).toBe("CONFLICT");
      }
      expect((await call("PATCH", `/users/${annId}`, { name: "Ann A." })).statusCode).toBe(200);
    });

    it("answers 400 for invalid changes", async () => {
      const notify = await portal.addUser({
        email: "ping@acme.test",
        name: "Ping",
        role: "notifications",
        partnerId: "acme",
      });
      const cases: [string, object][] = [
        [limId, { disabled: "yes" }],
        [limId, { role: "vendor" }],
        [limId, { name: "" }],
        [limId, { companyIds: ["beta-co"] }],
        [annId, { companyIds: ["zenith"] }],
        // A notifications user has no password, so it could never sign in as an admin.
        [notify, { role: "admin" }],
      ];
      for (const [id, payload] of cases) {
        const response = await call("PATCH", `/users/${id}`, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe("INVALID_ARGUMENT");
      }
    });

    it("answers 404 alike for a missing user and another partner's", async () => {
      const foreign = await call("PATCH", `/users/${bobId}`, { name: "Hijacked" });
      const missing = await call("PATCH", "/users/no-such-user", { name: "Nobody" });
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe("NOT_FOUND");
      expect(missing.json().error.code).toBe("NOT_FOUND");
      const beta = (await call("GET", "/users?partner=beta", undefined, vendor.headers)).json().items;
      expect(beta.find((u: { id: string }) => u.id === bobId).name).toBe("Bob");
    });

    it("lets the vendor change any partner's user", async () => {
      const response = await call("PATCH", `/users/${bobId}`, { name: "Bob B." }, vendor.headers);
      expect(response.statusCode).toBe(200);
      expect(response.json().name).toBe("Bob B.");
    });

    it("answers 401 without credentials and 403 for a user or a write token", async () => {
      expect((await call("PATCH", `/users/${limId}`, { name: "X" }, {})).statusCode).toBe(401);
      const lim = await portal.signIn("lim@acme.test");
      expect((await call("PATCH", `/users/${limId}`, { name: "X" }, lim.headers)).statusCode).toBe(403);
      const token = await portal.token("acme", "write");
      const response = await call(
        "PATCH",
        `/users/${limId}`,
        { name: "X" },
        { authorization: `Bearer ${token}` },
      );
      expect(response.statusCode).toBe(403);
    });
  });
});
