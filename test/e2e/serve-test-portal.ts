/**
 * The portal the end-to-end journeys run against: a fresh temporary PGlite folder, the demo data
 * (60 companies) loaded and scanned, the demo admin of "nordsec", an admin of a second partner and
 * a member of the vendor's staff,
 * then the real server (API and built web portal) on 127.0.0.1:3999. Started by Playwright's
 * webServer; removes its folder when stopped.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addUser } from "../../src/app/auth/users.ts";
import type { AppContext } from "../../src/app/context.ts";
import { loadDemo } from "../../src/app/demo/load-demo.ts";
import { loadConfig } from "../../src/config.ts";
import { startServer } from "../../src/server.ts";
import { NORDSEC_ADMIN, OTHER_ADMIN, PORT, VENDOR } from "./accounts.ts";

const dataDir = mkdtempSync(join(tmpdir(), "portal-e2e-"));

async function prepare(ctx: AppContext): Promise<void> {
  await loadDemo(ctx, { companies: 60, seed: 1 });
  const other = await ctx.db
    .selectFrom("partners")
    .select("id")
    .where("id", "!=", NORDSEC_ADMIN.partnerId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  await addUser(ctx, { ...NORDSEC_ADMIN, role: "admin" });
  await addUser(ctx, { ...OTHER_ADMIN, role: "admin", partnerId: other.id });
  await addUser(ctx, { ...VENDOR, role: "vendor", partnerId: null });
  console.log(`Test portal: ${NORDSEC_ADMIN.email} (nordsec) and ${OTHER_ADMIN.email} (${other.id})`);
}

const config = loadConfig({
  PORTAL_DATA: dataDir,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  PORTAL_SCAN_EVERY: "0",
  PORTAL_LOG_LEVEL: "warn",
});

const removeData = () => rmSync(dataDir, { recursive: true, force: true });
process.on("exit", removeData);

try {
  const server = await startServer(config, { prepare, announce: (text) => console.log(text) });
  await server.closed;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
