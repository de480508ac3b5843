/** The shape every rule has, and the one way rules build findings. */
import type { CompanyFacts, PartnershipType } from "../model.ts";
import type { EvaluationContext } from "../settings.ts";
import {
  type Category,
  type CompanyTab,
  type Finding,
  fingerprintOf,
  type Severity,
  TASK_TYPE_PARTNERSHIPS,
  type TaskDetails,
  type TaskType,
} from "../task.ts";

export interface Rule {
  /** The rule family id of docs/rules.md, e.g. "R-RENEWAL". */
  readonly id: string;
  readonly type: TaskType;
  readonly category: Category;
  readonly partnerships: readonly PartnershipType[];
  readonly tab: CompanyTab;
  /** Pure: the same facts and context always give the same findings. */
  evaluate(facts: CompanyFacts, context: EvaluationContext): Finding[];
}

/** What a rule decides about one subject; `defineRule` adds identity, category and tab. */
export interface Verdict {
  readonly subject: string;
  readonly severity: Severity;
  readonly ruleId: string;
  readonly title: string;
  readonly details: TaskDetails;
  readonly highlight: readonly string[];
}

interface RuleDefinition {
  readonly id: string;
  readonly type: TaskType;
  readonly category: Category;
  readonly tab: CompanyTab;
  judge(facts: CompanyFacts, context: EvaluationContext): Verdict[];
}

export function defineRule(definition: RuleDefinition): Rule {
  const { id, type, category, tab } = definition;
  return {
    id,
    type,
    category,
    tab,
    partnerships: TASK_TYPE_PARTNERSHIPS[type],
    evaluate(facts, context) {
      const companyId = facts.company.id;
      return definition.judge(facts, context).map((verdict) => ({
        fingerprint: fingerprintOf(companyId, type, verdict.subject),
        companyId,
        type,
        subject: verdict.subject,
        category,
        severity: verdict.severity,
        title: verdict.title,
        details: verdict.details,
        tab,
        highlight: verdict.highlight,
        ruleId: verdict.ruleId,
      }));
    },
  };
}

/** Formats a count with its noun, e.g. "1 day", "3 days". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${Math.abs(count) === 1 ? singular : pluralForm}`;
}
