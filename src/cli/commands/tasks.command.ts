import { renderCsv } from "../../app/csv.ts";
import { AppError } from "../../app/errors.ts";
import { taskJson } from "../../app/tasks/task-json.ts";
import { CATEGORIES, SEVERITIES, TASK_STATUSES, type TaskStatus } from "../../core/task.ts";
import { listTasks, type TaskView } from "../../db/task-list.query.ts";
import { parseCommandArgs, parseList } from "../args.ts";
import { type Command, DATA_FLAG, DATA_HELP } from "../command.ts";
import { renderTable } from "../output.ts";
import { withRuntime } from "../with-runtime.ts";

const COLUMNS = ["severity", "status", "type", "company", "title", "opened"] as const;

export const tasksCommand: Command = {
  name: "tasks",
  summary: "list tasks with filters, as a table, JSON or CSV",
  help: `Usage: partner-portal tasks [--status open|snoozed|dismissed|resolved|all]
                           [--severity high,medium,low] [--category commercial,product-usage,churn-risk]
                           [--partnership ID] [--company ID] [--format table|json|csv] [--data DIR]
  --status S     which tasks (default open)
  --severity L   comma-separated severities
  --category L   comma-separated categories
  --partnership ID, --company ID   narrow to one partnership or company
  --format F     table (default), json (the contract's fields) or csv
${DATA_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...DATA_FLAG,
      status: { type: "string" },
      severity: { type: "string" },
      category: { type: "string" },
      partnership: { type: "string" },
      company: { type: "string" },
      format: { type: "string" },
    });
    const status = values.status ?? "open";
    if (status !== "all" && !TASK_STATUSES.includes(status as TaskStatus)) {
      throw new AppError(
        "INVALID_ARGUMENT",
        `--status: "${status}" is not one of ${TASK_STATUSES.join(", ")}, all`,
      );
    }
    const format = values.format ?? "table";
    if (!["table", "json", "csv"].includes(format)) {
      throw new AppError("INVALID_ARGUMENT", `--format: "${format}" is not one of table, json, csv`);
    }
    await withRuntime(io, values, async ({ ctx }) => {
      const tasks = await listTasks(ctx.db, {
        statuses: status === "all" ? undefined : [status as TaskStatus],
        severities: parseList(values.severity, SEVERITIES, "--severity"),
        categories: parseList(values.category, CATEGORIES, "--category"),
        partnershipIds: values.partnership ? [values.partnership] : undefined,
        companyIds: values.company ? [values.company] : undefined,
        now: ctx.clock.now().toISOString(),
      });
      if (format === "json") return io.stdout(JSON.stringify(tasks.map(taskJson), null, 2));
      const cells = (t: TaskView) => [
        t.severity,
        t.status,
        t.type,
        t.companyName,
        t.title,
        t.openedAt.slice(0, 10),
      ];
      if (format === "csv") {
        const csvRows = tasks.map((t) => [t.id, t.fingerprint, ...cells(t), t.companyId, t.partnershipId]);
        return io.stdout(renderCsv(["id", "fingerprint", ...COLUMNS, "companyId", "partnershipId"], csvRows));
      }
      const rows = tasks.map(cells);
      io.stdout(tasks.length ? renderTable(COLUMNS, rows) : "No tasks match.");
      if (tasks.length) io.stdout(`${tasks.length} task(s)`);
    });
  },
};
