/**
 * What partners do to tasks (spec: tasks.md § Task lifecycle, "Partner actions"): snooze, dismiss,
 * assign, comment, reopen, on one task or many. Each change writes the task and an event naming
 * who acted and when, in one transaction confined to the caller's partner.
 */
import type { Kysely } from "kysely";
import { addDays, isValidLocalDate, localDateOf } from "../../core/dates.ts";
import { exhaustiveSwitchError } from "../../core/exhaustive.ts";
import type { Task, TaskEvent, TaskEventKind } from "../../core/task.ts";
import { companyIdsOfUser, findUser } from "../../db/access.repository.ts";
import type { Database } from "../../db/schema.ts";
import { inPartnerScope } from "../../db/scoped.ts";
import { lockVisibleTasks } from "../../db/task-detail.query.ts";
import { effectiveStatus, type TaskView } from "../../db/task-list.query.ts";
import { insertEvents, saveTasks } from "../../db/tasks.repository.ts";
import type { Principal, Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { taskNotFound, visibleTasks } from "./task-detail.ts";

/** A snooze ends at most this many calendar days after today. */
export const MAX_SNOOZE_DAYS = 90;

export type TaskAction =
  /** `until`: a date (its start in the portal's time zone) or an ISO instant with an offset. */
  | { readonly kind: "snooze"; readonly until: string; readonly reason?: string | undefined }
  | { readonly kind: "dismiss"; readonly reason: string }
  /** null unassigns. */
  | { readonly kind: "assign"; readonly userId: string | null }
  | { readonly kind: "comment"; readonly text: string }
  | { readonly kind: "reopen" };

export type BulkAction = Extract<TaskAction, { kind: "snooze" | "dismiss" | "assign" }>;

export interface BulkResult {
  /** Tasks changed; resolved tasks, and assignments that were already so, are left as they are. */
  readonly updated: number;
  /** Ids the caller cannot see: missing, another partner's, or of a company it is not assigned. */
  readonly notFound: string[];
}

/** A person acts as itself; a write token acts as nobody, and its id is kept in the event (`via`). */
export interface Actor {
  readonly userId: string | null;
  readonly via: string | null;
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === "user"
    ? { userId: principal.userId, via: null }
    : { userId: null, via: `token:${principal.tokenId}` };
}

/** Throws TASK_NOT_FOUND for a task the scope cannot see, CONFLICT for one that cannot take it. */
export async function actOnTask(
  ctx: AppContext,
  scope: Scope,
  actor: Actor,
  id: string,
  action: TaskAction,
): Promise<void> {
  await act(ctx, scope, actor, [id], action, "one");
}

/** All or nothing: one transaction; ids the caller cannot see are reported, not an error. */
export async function actOnTasks(
  ctx: AppContext,
  scope: Scope,
  actor: Actor,
  ids: readonly string[],
  action: BulkAction,
): Promise<BulkResult> {
  return act(ctx, scope, actor, [...new Set(ids)], action, "bulk");
}

interface Change {
  /** The task's new state; null when only its history grows (a comment). */
  readonly task: Task | null;
  readonly event: TaskEvent;
}

interface ChangeContext {
  readonly at: string;
  readonly actor: Actor;
  readonly snoozedUntil: string | null;
  readonly assignee: { readonly id: string; readonly name: string } | null;
}

async function act(
  ctx: AppContext,
  scope: Scope,
  actor: Actor,
  ids: string[],
  action: TaskAction,
  mode: "one" | "bulk",
): Promise<BulkResult> {
  const now = ctx.clock.now();
  const snoozedUntil = action.kind === "snooze" ? snoozeEnd(action.until, now, ctx.timeZone) : null;
  return inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const visible = await lockVisibleTasks(trx, ids, visibleTasks(ctx, scope));
    const found = new Set(visible.map((t) => t.id));
    const notFound = ids.filter((id) => !found.has(id));
    if (mode === "one" && notFound[0] !== undefined) throw taskNotFound(notFound[0]);
    // In bulk, tasks resolved since the caller listed them are skipped rather than failing the rest.
    const tasks = mode === "bulk" ? visible.filter((t) => t.status !== "resolved") : visible;
    const assignee = action.kind === "assign" ? await assigneeFor(trx, action.userId, tasks) : null;
    const context: ChangeContext = { at: now.toISOString(), actor, snoozedUntil, assignee };
    const changes = tasks.flatMap((task) => changeOf(task, action, context) ?? []);
    await saveTasks(
      trx,
      changes.flatMap((c) => c.task ?? []),
    );
    const partnerOf = new Map(tasks.map((t) => [t.id, t.partnerId]));
    await insertEvents(
      trx,
      changes.map((c) => c.event),
      (taskId) => partnerOf.get(taskId) ?? "",
    );
    return { updated: changes.length, notFound };
  });
}

const VERB: Readonly<Record<TaskAction["kind"], string>> = {
  snooze: "snoozed",
  dismiss: "dismissed",
  assign: "assigned",
  comment: "commented on",
  reopen: "reopened",
};

/** The task's next state and its event; null when the action changes nothing. */
function changeOf(task: TaskView, action: TaskAction, c: ChangeContext): Change | null {
  const status = effectiveStatus(task, c.at);
  // Comments stay possible on a resolved task: notes on what was done are still worth keeping.
  if (status === "resolved" && action.kind !== "comment") {
    throw new AppError(
      "CONFLICT",
      `The task was resolved at ${task.resolvedAt} because its condition cleared; it cannot be ${VERB[action.kind]}`,
    );
  }
  const event = (kind: TaskEventKind, data: Record<string, unknown>): TaskEvent => ({
    taskId: task.id,
    at: c.at,
    actorId: c.actor.userId,
    kind,
    data: c.actor.via === null ? data : { ...data, via: c.actor.via },
  });
  const updated = (patch: Partial<Task>): Task => ({ ...task, ...patch, updatedAt: c.at });
  switch (action.kind) {
    case "snooze":
      return {
        task: updated({ status: "snoozed", snoozedUntil: c.snoozedUntil }),
        event: event("snoozed", { until: c.snoozedUntil, reason: action.reason || null }),
      };
    case "dismiss":
      return {
        task: updated({ status: "dismissed", snoozedUntil: null }),
        event: event("dismissed", { reason: action.reason }),
      };
    case "assign": {
      const userId = c.assignee?.id ?? null;
      if (task.assigneeId === userId) return null;
      return {
        task: updated({ assigneeId: userId }),
        event: event("assigned", { userId, userName: c.assignee?.name ?? null }),
      };
    }
    case "comment":
      return { task: null, event: event("commented", { text: action.text }) };
    case "reopen":
      if (status === "open") throw new AppError("CONFLICT", "The task is already open");
      return {
        task: updated({ status: "open", snoozedUntil: null }),
        event: event("reopened", { from: status }),
      };
    default:
      return exhaustiveSwitchError(action);
  }
}

/**
 * The person tasks may go to: an enabled admin or user of the tasks' partner and, for a `user`
 * limited to some companies, one that sees every task's company. Another partner's user is not
 * found (row security hides it from partners), exactly like a missing one.
 */
async function assigneeFor(
  db: Kysely<Database>,
  userId: string | null,
  tasks: readonly TaskView[],
): Promise<{ id: string; name: string } | null> {
  if (userId === null) return null;
  const user = await findUser(db, userId);
  if (!user || tasks.some((t) => t.partnerId !== user.partner_id)) {
    throw invalid(`No user with id "${userId}" in the task's partner to assign it to`);
  }
  if (user.disabled_at !== null) throw invalid(`${user.name} is disabled and cannot be assigned tasks`);
  if (user.role !== "admin" && user.role !== "user") {
    throw invalid(
      `${user.name} has the role "${user.role}" and cannot sign in to work on tasks; assign an admin or a user`,
    );
  }
  if (user.role === "user") {
    const assigned = new Set(await companyIdsOfUser(db, user.id));
    const unseen = [...new Set(tasks.filter((t) => !assigned.has(t.companyId)).map((t) => t.companyName))];
    if (assigned.size > 0 && unseen.length > 0) {
      throw invalid(`${user.name} is limited to other companies and cannot see ${unseen.join(", ")}`);
    }
  }
  return { id: user.id, name: user.name };
}

/** The instant a snooze ends: in the future and on or before today + MAX_SNOOZE_DAYS, local time. */
function snoozeEnd(until: string, now: Date, timeZone: string): string {
  const end = isValidLocalDate(until) ? startOfLocalDate(until, timeZone) : new Date(until);
  if (Number.isNaN(end.getTime())) {
    throw invalid(`"${until}" is neither a date (YYYY-MM-DD) nor an instant with an offset`);
  }
  const last = addDays(localDateOf(now, timeZone), MAX_SNOOZE_DAYS);
  const problem =
    end.getTime() <= now.getTime()
      ? "is not in the future"
      : localDateOf(end, timeZone) > last
        ? `is more than ${MAX_SNOOZE_DAYS} days ahead`
        : null;
  if (problem) {
    throw invalid(
      `Snooze until a time after now and no later than ${last} (${MAX_SNOOZE_DAYS} days ahead, ${timeZone}); ${until} ${problem}`,
    );
  }
  return end.toISOString();
}

/** 00:00 of a calendar date in a time zone, found from the zone's UTC offset around that moment. */
function startOfLocalDate(date: string, timeZone: string): Date {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  const first = wallMidnight - offsetAt(wallMidnight, timeZone);
  // Again at the first guess: the offset may differ across a daylight-saving change that night.
  return new Date(wallMidnight - offsetAt(first, timeZone));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

function invalid(message: string): AppError {
  return new AppError("INVALID_ARGUMENT", message);
}
