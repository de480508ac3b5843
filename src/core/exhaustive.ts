/** Call in the `default` of a switch over a union: a new member fails to compile until handled. */
export function exhaustiveSwitchError(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
