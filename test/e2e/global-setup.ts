/**
 * Fails the whole run, loudly, when the browser or the built portal is missing: the journeys must
 * never be skipped, nor run against a server without its web pages.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CHROMIUM_PATH } from "./accounts.ts";

const BUILT_PORTAL = fileURLToPath(new URL("../../web/dist/index.html", import.meta.url));

export default function globalSetup(): void {
  if (!existsSync(BUILT_PORTAL)) {
    throw new Error(`The web portal is not built (${BUILT_PORTAL}): run npm run build:web first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium). ` +
        "Never run `playwright install` here.",
    );
  }
}
