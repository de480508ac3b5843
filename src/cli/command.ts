/** The shape of a partner-portal command. */
export interface CommandIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input as text (for --password-stdin and the like). */
  readonly readStdin: () => Promise<string>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full help text, printed for --help. */
  readonly help: string;
  run(argv: string[], io: CommandIo): Promise<void>;
}

/** The --data flag every storage command shares. */
export const DATA_FLAG = { data: { type: "string" } } as const;
export const DATA_HELP =
  "  --data DIR     embedded database folder (default $PORTAL_DATA or ./data; ignored with DATABASE_URL)";
