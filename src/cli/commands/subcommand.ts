/** Commands with subcommands (users, tokens): picking the subcommand and checking choices. */
import { AppError } from "../../app/errors.ts";

/** The subcommand (first argument) and the arguments after it. */
export function subcommand<T extends string>(
  argv: string[],
  names: readonly T[],
  command: string,
): { name: T; rest: string[] } {
  const [name, ...rest] = argv;
  if (name === undefined || !names.includes(name as T)) {
    const got = name === undefined ? "nothing" : `"${name}"`;
    throw new AppError(
      "INVALID_ARGUMENT",
      `${command}: expected ${names.join(", ")} (got ${got}); see --help`,
    );
  }
  return { name: name as T, rest };
}

/** `raw` when it is one of `allowed`, else a usage error naming the flag. */
export function oneOf<T extends string>(raw: string, allowed: readonly T[], flag: string): T {
  if (!allowed.includes(raw as T)) {
    throw new AppError("INVALID_ARGUMENT", `${flag}: "${raw}" is not one of ${allowed.join(", ")}`);
  }
  return raw as T;
}
