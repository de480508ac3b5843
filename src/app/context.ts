/** What every use case runs with: the database, the portal's time zone and thresholds, clock, ids. */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "../core/settings.ts";
import type { Database } from "../db/schema.ts";
import { type Clock, systemClock } from "./clock.ts";

export interface AppContext {
  readonly db: Kysely<Database>;
  readonly timeZone: string;
  readonly settings: RuleSettings;
  readonly clock: Clock;
  readonly newId: () => string;
}

export function createAppContext(
  db: Kysely<Database>,
  options: Partial<Omit<AppContext, "db">> = {},
): AppContext {
  return {
    db,
    timeZone: options.timeZone ?? "Europe/Stockholm",
    settings: options.settings ?? DEFAULT_RULE_SETTINGS,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomUUID,
  };
}
