/**
 * The layers of docs/architecture.md, kept true by reading every import: each folder may import
 * only the folders beneath it (src/core is pure and has its own, stricter check).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** What each layer may import besides itself. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  db: ["core"],
  app: ["core", "db"],
  http: ["core", "db", "app"],
  cli: ["core", "db", "app", "http", "config.ts", "server.ts"],
  "config.ts": ["core"],
  "server.ts": ["core", "db", "app", "http", "cli", "config.ts"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function layerOf(file: string): string {
  return relative(SRC, file).split("/")[0] ?? "";
}

describe("layering", () => {
  it("every import under src/ points only to its own layer or a layer beneath it", () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (!allowed) {
        violations.push(`${relative(SRC, file)}: not in a known layer`);
        continue;
      }
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["'](\.[^"']+)["']/g)) {
        const target = layerOf(resolve(file, "..", match[1] ?? ""));
        if (target !== layer && !allowed.includes(target)) {
          violations.push(`${relative(SRC, file)} imports ${match[1]} (${layer} may not import ${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
