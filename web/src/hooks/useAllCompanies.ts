import { listCompanies } from "../api/endpoints.ts";
import type { CompanySummary } from "../api/types.ts";
import { useApi } from "./useApi.ts";

/** Every company of the caller's partner (or `partner`, for the vendor), fetched page by page. */
export function useAllCompanies(enabled: boolean, partner: string | null) {
  return useApi(enabled ? `all-companies:${partner}` : null, async (signal) => {
    const all: CompanySummary[] = [];
    let cursor: string | undefined;
    do {
      const query = {
        sort: "name" as const,
        limit: 200,
        ...(partner ? { partner } : {}),
        ...(cursor ? { cursor } : {}),
      };
      const page = await listCompanies(query, signal);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  });
}
