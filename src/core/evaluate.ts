/** Evaluates one company with every rule its partnership allows (spec: tasks.md § The six task types). */
import type { CompanyFacts } from "./model.ts";
import { RULES } from "./rules/registry.ts";
import type { EvaluationContext } from "./settings.ts";
import type { Finding } from "./task.ts";

/** R-GATE-1: only the partnership's task types; R-GATE-2: archived companies raise nothing. */
export function evaluateCompany(facts: CompanyFacts, context: EvaluationContext): Finding[] {
  if (facts.company.accountState === "archived") return [];
  const kind = facts.partnership.type;
  return RULES.filter((rule) => rule.partnerships.includes(kind)).flatMap((rule) =>
    rule.evaluate(facts, context),
  );
}
