import { it } from "vitest";
import { createTestPortal } from "/work/main/test/support/http-app.ts";
it("x", async () => {
  const p = await createTestPortal("pglite");
  const r = await p.app.inject({ url: `/api/v1/companies/${"x".repeat(201)}` });
  console.log(r.statusCode, r.body);
  await p.close();
});
