/** What the HTTP layer is built from; `buildApp(deps)` never listens, so tests use `inject`. */
import type { SessionSettings } from "../app/auth/sessions.ts";
import type { AppContext } from "../app/context.ts";
import type { ScanRun } from "../db/scan-runs.repository.ts";

export interface HttpDeps {
  readonly ctx: AppContext;
  readonly sessions: SessionSettings;
  /** Set the Secure flag on cookies and send HSTS (served over TLS). */
  readonly secure: boolean;
  /** Largest accepted request body, in bytes (ingestion answers 413 above it). */
  readonly bodyLimit: number;
  /** Re-evaluates the companies an ingestion touched; the scheduler's, or a direct scan in tests. */
  readonly rescan: (companyIds: readonly string[]) => Promise<ScanRun>;
  /** A full scan (POST /scans) through the scheduler's queue; without one, a direct runScan. */
  readonly scanAll?: () => Promise<ScanRun>;
  /** The built web portal's folder, served at / when present. */
  readonly webRoot?: string | undefined;
  readonly logger?: boolean | { readonly level: string };
}
