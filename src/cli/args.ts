/** Command-line parsing shared by every command: flags, lists and clear usage errors. */
import { parseArgs } from "node:util";
import { AppError } from "../app/errors.ts";

export type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** Parses `argv` strictly; an unknown flag is a usage error that names it. */
export function parseCommandArgs<O extends OptionSpec>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    // Node's messages can span lines; the command line promises one.
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw new AppError("INVALID_ARGUMENT", message);
  }
}

/** Splits `a,b,c` and checks each item against the allowed values. */
export function parseList<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  flag: string,
): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new AppError("INVALID_ARGUMENT", `${flag}: "${item}" is not one of ${allowed.join(", ")}`);
    }
  }
  return items as T[];
}

/** Parses an ISO 8601 instant with an offset (or a date, meaning its midnight UTC). */
export function parseInstant(raw: string, flag: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(raw);
  const at = new Date(raw);
  if (!ok || Number.isNaN(at.getTime())) {
    throw new AppError(
      "INVALID_ARGUMENT",
      `${flag}: "${raw}" is not an instant such as 2026-12-01T08:30:00Z`,
    );
  }
  return at;
}
