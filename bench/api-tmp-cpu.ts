import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { adminSession, startApi } from "./api-server.ts";
import { LIST_PATH } from "./api-load.ts";
import { partnerId } from "./api-data.ts";
const api = await startApi(`postgres://postgres@127.0.0.1:5432/${process.argv[2]}`);
const cookies = [];
for (let i = 0; i < 20; i++) cookies.push(await adminSession(api, partnerId(1 + i * 50)));
const path = process.argv[3] ?? LIST_PATH;
const requests = cookies.map((cookie) => ({ path, headers: { cookie } }));
for (const rate of [0, 20]) {
  const c0 = process.cpuUsage();
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "bench/api-client.ts", JSON.stringify({ url: api.baseUrl, connections: rate ? 10 : 50, duration: 10, requests, ...(rate ? { overallRate: rate } : {}) })]);
  const c = process.cpuUsage(c0); const r = JSON.parse(stdout.trim().split("\n").at(-1)!);
  console.log({ path, rate, rps: r.requests / r.duration, p50: r.p50, p99: r.p99, userMs: c.user / 1000 / r.requests, sysMs: c.system / 1000 / r.requests, load: (await import("node:os")).loadavg()[0] });
}
await api.close();
