/** Fails the whole run, loudly, when the browser is missing: the journeys must never be skipped. */
import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "./accounts.ts";

export default function globalSetup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium). ` +
        "Never run `playwright install` here.",
    );
  }
}
