import { createToken, listTokens, revokeToken } from "../../app/auth/api-tokens.ts";
import { TOKEN_SCOPES } from "../../app/auth/principal.ts";
import { AppError } from "../../app/errors.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, type CommandIo, DATA_FLAG, DATA_HELP } from "../command.ts";
import { renderTable } from "../output.ts";
import { withRuntime } from "../with-runtime.ts";
import { oneOf, subcommand } from "./subcommand.ts";

const HELP = `Usage: partner-portal tokens create (--partner ID --scope read|write | --vendor [--scope ingest]) [--name N]
       partner-portal tokens list [--format table|json]
       partner-portal tokens revoke ID

  create     a bearer token for the API ("Authorization: Bearer <token>"). A partner's token reads
             (read) or also acts on tasks (write); the vendor's token (ingest) feeds POST /api/v1/ingest
             and runs scans. The token alone is printed on standard output, once: it is stored only
             as a hash, so keep it now, e.g. TOKEN=$(partner-portal tokens create --vendor)
  list       every token, revoked ones included (never the secrets)
  revoke     the token stops working at once
${DATA_HELP}`;

export const tokensCommand: Command = {
  name: "tokens",
  summary: "create, list and revoke machine tokens for the API and for ingestion",
  help: HELP,
  async run(argv, io) {
    const { name, rest } = subcommand(argv, ["create", "list", "revoke"], "tokens");
    if (name === "create") return create(rest, io);
    if (name === "list") return list(rest, io);
    return revoke(rest, io);
  },
};

async function create(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    ...DATA_FLAG,
    partner: { type: "string" },
    vendor: { type: "boolean" },
    scope: { type: "string" },
    name: { type: "string" },
  });
  if (Boolean(values.vendor) === Boolean(values.partner)) {
    throw new AppError("INVALID_ARGUMENT", "tokens create: give either --partner ID or --vendor");
  }
  if (values.partner && values.scope === undefined) {
    throw new AppError(
      "INVALID_ARGUMENT",
      "tokens create: --scope read or --scope write is required with --partner",
    );
  }
  const scope = oneOf(values.scope ?? "ingest", TOKEN_SCOPES, "--scope");
  if ((scope === "ingest") !== Boolean(values.vendor)) {
    throw new AppError(
      "INVALID_ARGUMENT",
      `tokens create: --scope ${scope} ${values.vendor ? "is for partners; --vendor tokens have the scope ingest" : "is the vendor's (--vendor)"}`,
    );
  }
  await withRuntime(io, values, async ({ ctx }) => {
    const { token, view } = await createToken(ctx, {
      partnerId: values.partner ?? null,
      scope,
      name: values.name,
    });
    // Only the token on standard output, so `TOKEN=$(…)` captures exactly it; the rest is for people.
    io.stderr(
      `Created the ${view.scope} token "${view.name}" (id ${view.id})${view.partnerId ? ` of ${view.partnerId}` : ""}. ` +
        "It is shown only now: store it somewhere safe.",
    );
    io.stdout(token);
  });
}

async function list(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseCommandArgs(argv, { ...DATA_FLAG, format: { type: "string" } });
  const format = oneOf(values.format ?? "table", ["table", "json"] as const, "--format");
  await withRuntime(io, values, async ({ ctx }) => {
    const tokens = await listTokens(ctx);
    if (format === "json") return io.stdout(JSON.stringify(tokens, null, 2));
    if (tokens.length === 0) return io.stdout("No tokens.");
    io.stdout(
      renderTable(
        ["id", "name", "partner", "scope", "created", "revoked"],
        tokens.map((t) => [
          t.id,
          t.name,
          t.partnerId ?? "(vendor)",
          t.scope,
          t.createdAt,
          t.revoked ? "yes" : "",
        ]),
      ),
    );
  });
}

async function revoke(argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, DATA_FLAG, true);
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) {
    throw new AppError("INVALID_ARGUMENT", "tokens revoke: name exactly one token id (see tokens list)");
  }
  await withRuntime(io, values, async ({ ctx }) => {
    await revokeToken(ctx, id);
    io.stdout(`Revoked token ${id}.`);
  });
}
