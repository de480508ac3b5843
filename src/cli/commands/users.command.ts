import type { Role } from "../../app/auth/principal.ts";
import { addUser, disableUser, listUsers, type UserView } from "../../app/auth/users.ts";
import { AppError } from "../../app/errors.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, type CommandIo, DATA_FLAG, DATA_HELP } from "../command.ts";
import { renderTable } from "../output.ts";
import { withRuntime } from "../with-runtime.ts";
import { oneOf, subcommand } from "./subcommand.ts";

const PARTNER_ROLES = ["admin", "user", "notifications"] as const;

const HELP = `Usage: partner-portal users add --email E --name N (--partner ID | --vendor)
                               [--role admin|user|notifications] [--companies ID,ID] [--password-stdin]
       partner-portal users list [--partner ID] [--format table|json]
       partner-portal users disable ID|EMAIL

  add        a person of a partner (--partner with --role), or of the vendor's staff (--vendor).
             admin: everything of its partner, manages users; user: acts on tasks, limited to
             --companies when given; notifications: receives task emails, cannot sign in.
             Everyone who signs in needs --password-stdin: the password is read from standard
             input (at least 10 characters), e.g. printf '%s' "$PASSWORD" | partner-portal users add …
  list       everyone, or one partner's people
  disable    stops the account from signing in and ends its sessions at once
${DATA_HELP}`;

export const usersCommand: Command = {
  name: "users",
  summary: "add, list and disable the people who sign in (and notification recipients)",
  help: HELP,
  async run(argv, io) {
    const { name, rest } = subcommand(argv, ["add", "list", "disable"], "users");
    if (name === "add") return add(rest, io);
    if (name === "list") return list(rest, io);
    return disable(rest, io);
  },
};

async function add(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    ...DATA_FLAG,
    email: { type: "string" },
    name: { type: "string" },
    partner: { type: "string" },
    vendor: { type: "boolean" },
    role: { type: "string" },
    companies: { type: "string" },
    "password-stdin": { type: "boolean" },
  });
  if (!values.email) throw new AppError("INVALID_ARGUMENT", "users add: --email is required");
  if (!values.name) throw new AppError("INVALID_ARGUMENT", "users add: --name is required");
  if (Boolean(values.vendor) === Boolean(values.partner)) {
    throw new AppError("INVALID_ARGUMENT", "users add: give either --partner ID or --vendor");
  }
  let role: Role = "vendor";
  if (values.vendor) {
    if (values.role !== undefined && values.role !== "vendor") {
      throw new AppError(
        "INVALID_ARGUMENT",
        `users add: --vendor staff have the role vendor, not "${values.role}"`,
      );
    }
  } else {
    if (values.role === undefined) {
      throw new AppError("INVALID_ARGUMENT", `users add: --role is required: ${PARTNER_ROLES.join(", ")}`);
    }
    role = oneOf(values.role, PARTNER_ROLES, "--role");
  }
  const companyIds = values.companies
    ?.split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (companyIds && role !== "user") {
    throw new AppError(
      "INVALID_ARGUMENT",
      "users add: --companies limits a user; admins and others see them all",
    );
  }
  const signsIn = role !== "notifications";
  if (signsIn !== Boolean(values["password-stdin"])) {
    throw new AppError(
      "INVALID_ARGUMENT",
      signsIn
        ? "users add: --password-stdin is required: pipe the password in on standard input"
        : "users add: notifications users cannot sign in, so they have no password; drop --password-stdin",
    );
  }
  const password = signsIn ? (await io.readStdin()).replace(/\r?\n$/, "") : undefined;
  await withRuntime(io, values, async ({ ctx }) => {
    const user = await addUser(ctx, {
      email: values.email ?? "",
      name: values.name ?? "",
      role,
      partnerId: values.partner ?? null,
      ...(companyIds ? { companyIds } : {}),
      password,
    });
    const of = user.partnerId ? ` of ${user.partnerId}` : "";
    io.stdout(`Added ${user.role}${of} ${user.email} (id ${user.id}).`);
  });
}

async function list(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    ...DATA_FLAG,
    partner: { type: "string" },
    format: { type: "string" },
  });
  const format = oneOf(values.format ?? "table", ["table", "json"] as const, "--format");
  await withRuntime(io, values, async ({ ctx }) => {
    const users = await listUsers(ctx, values.partner ?? null);
    if (format === "json") return io.stdout(JSON.stringify(users, null, 2));
    if (users.length === 0) return io.stdout("No users.");
    io.stdout(
      renderTable(
        ["id", "email", "name", "role", "partner", "companies", "disabled", "created"],
        users.map((u: UserView) => [
          u.id,
          u.email,
          u.name,
          u.role,
          u.partnerId ?? "(vendor)",
          u.role === "user" ? u.companyIds.join(",") || "all" : "",
          u.disabled ? "yes" : "",
          u.createdAt.slice(0, 10),
        ]),
      ),
    );
  });
}

async function disable(argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, DATA_FLAG, true);
  const [who, ...extra] = positionals;
  if (who === undefined || extra.length > 0) {
    throw new AppError("INVALID_ARGUMENT", "users disable: name exactly one user, by id or email");
  }
  await withRuntime(io, values, async ({ ctx }) => {
    const user = await disableUser(ctx, who, null);
    io.stdout(`Disabled ${user.email} (id ${user.id}); their sessions have ended.`);
  });
}
