/** Who the end-to-end journeys sign in as; serve-test-portal.ts creates them with these passwords. */
export const PORT = 3999;
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export const NORDSEC_ADMIN = {
  email: "demo@nordsec.example",
  password: "nordsec demo password",
  name: "Demo Admin",
  partnerId: "nordsec",
} as const;

/** A member of the vendor's staff: sees every partner, picks one. */
export const VENDOR = {
  email: "staff@vendor.example",
  password: "vendor staff password",
  name: "Vendor Staff",
} as const;

/** The admin of a second partner, for the isolation journey (its partner is picked at start). */
export const OTHER_ADMIN = {
  email: "admin@other-partner.example",
  password: "other partner password",
  name: "Other Admin",
} as const;

/**
 * Debian's Chromium (Playwright's own browser download does not work on these machines);
 * PORTAL_CHROMIUM points elsewhere on a machine that keeps it elsewhere.
 */
export const CHROMIUM_PATH = process.env.PORTAL_CHROMIUM || "/usr/bin/chromium";
