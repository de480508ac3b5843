/** A task's history, oldest first, with the name of the person behind each event. */
import type { Kysely } from "kysely";
import type { TaskEventKind } from "../core/task.ts";
import type { Database } from "./schema.ts";

export interface TaskEventRow {
  readonly id: number;
  readonly at: string;
  readonly kind: TaskEventKind;
  /** null: the portal's scan, or a machine token (then `data.via` names it). */
  readonly actorId: string | null;
  /** null when the actor is not visible to the reader (the vendor's staff, for a partner). */
  readonly actorName: string | null;
  readonly data: Record<string, unknown>;
}

/** `partnerId` undefined only for the vendor; a partner's reads are also confined by row security. */
export async function eventsOfTask(
  db: Kysely<Database>,
  taskId: string,
  partnerId: string | undefined,
): Promise<TaskEventRow[]> {
  const rows = await db
    .selectFrom("task_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select(["e.id", "e.at", "e.kind", "e.actor_id", "e.data", "u.name as actor_name"])
    .where("e.task_id", "=", taskId)
    .$if(partnerId !== undefined, (q) => q.where("e.partner_id", "=", partnerId ?? ""))
    .orderBy("e.id")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    kind: r.kind as TaskEventKind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    data: r.data,
  }));
}
