import { capturedQueries, explainAll } from "./api-explain.ts";
const url = `postgres://postgres@127.0.0.1:5432/${process.argv[2] ?? "bench_api_scratch"}`;
const search = process.argv[3] ?? "severity=high,medium&category=commercial,churn-risk&limit=50";
const q = await capturedQueries("P0001", search);
for (const e of await explainAll(url, "P0001", q)) { console.log(`=== ${e.name}`); console.log(e.plan); }
