import { listCompanies } from "../api/endpoints.ts";
import type { CompanySummary } from "../api/types.ts";
import { useApi } from "./useApi.ts";

/** Every company the caller sees (for choosing a user's companies), fetched page by page. */
export function useAllCompanies(enabled: boolean) {
  return useApi(enabled ? "all-companies" : null, async (signal) => {
    const all: CompanySummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCompanies({ sort: "name", limit: 200, ...(cursor ? { cursor } : {}) }, signal);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  });
}
