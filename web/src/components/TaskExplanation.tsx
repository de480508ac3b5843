import type { TaskDetail } from "../api/types.ts";
import { formatDateTime } from "../lib/format.ts";

/** Why the task exists: the rule, its threshold, what was observed, and when. */
export function TaskExplanation({ task }: { readonly task: TaskDetail }) {
  const { explanation } = task;
  return (
    <section className="panel-section" aria-labelledby="task-why">
      <h3 id="task-why" className="panel-section__title">
        Why this task
      </h3>
      <dl className="explanation">
        <div>
          <dt>Rule</dt>
          <dd>
            {explanation.rule} <span className="rule-id">{explanation.ruleId}</span>
          </dd>
        </div>
        <div>
          <dt>Threshold</dt>
          <dd>{explanation.threshold}</dd>
        </div>
        <div>
          <dt>Observed</dt>
          <dd className="explanation__observed">{explanation.observed}</dd>
        </div>
        <div>
          <dt>As of</dt>
          <dd>
            <time dateTime={explanation.asOf}>{formatDateTime(explanation.asOf)}</time>
          </dd>
        </div>
      </dl>
    </section>
  );
}
