import { openDatabase } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { dataSize, generateData } from "./api-data.ts";
import * as s from "./support.ts";

const admin = s.DEFAULT_URL;
const name = "bench_api_scratch";
await s.withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
await s.withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
const url = s.databaseUrl(admin, name);
const d = await openDatabase<Database>({ databaseUrl: url });
await migrateToLatest(d.db);
await d.close();
const t = performance.now();
(globalThis as any).T0 = t;
console.log(
  await generateData(url, {
    partners: Number(process.argv[2] ?? 10),
    companiesPerPartner: 100,
    tasksPerCompany: 10,
  }),
);
console.log(performance.now() - t, await dataSize(url));
