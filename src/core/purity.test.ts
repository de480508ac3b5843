/**
 * Keeps src/core pure (design.md § Conventions 1 and 2): data and `now` in, data out. Reads every
 * non-test source file of the core and names each offending file and line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = fileURLToPath(new URL(".", import.meta.url));

/** Calls that reach the clock, randomness, the process, timers or the network. */
const FORBIDDEN: readonly { readonly label: string; readonly pattern: RegExp }[] = [
  { label: "Date.now(", pattern: /\bDate\.now\s*\(/ },
  { label: "new Date() with no argument", pattern: /\bnew\s+Date\s*\(\s*\)/ },
  { label: "Math.random(", pattern: /\bMath\.random\s*\(/ },
  { label: "performance.now(", pattern: /\bperformance\.now\s*\(/ },
  { label: "process.", pattern: /\bprocess\./ },
  { label: "setTimeout(", pattern: /\bsetTimeout\s*\(/ },
  { label: "setInterval(", pattern: /\bsetInterval\s*\(/ },
  { label: "fetch(", pattern: /\bfetch\s*\(/ },
];

/** Module specifiers: `from "x"`, `import "x"`, `import("x")`, `require("x")`. */
const SPECIFIERS = [
  /\bfrom\s*["']([^"']+)["']/g,
  /^\s*import\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']/g,
  /\brequire\s*\(\s*["']([^"']+)["']/g,
];

/** Blanks out comments (keeping line breaks) so prose such as "the scan process." is not code. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, (_all, lead: string) => lead);
}

/** Every impurity of one file's source, as "file:line: reason: code". */
function impurities(file: string, source: string): string[] {
  const found: string[] = [];
  const lines = withoutComments(source).split("\n");
  const original = source.split("\n");
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}: `;
    const code = (original[i] ?? "").trim();
    for (const pattern of SPECIFIERS) {
      for (const match of line.matchAll(pattern)) {
        const specifier = match[1] ?? "";
        if (specifier.startsWith("node:")) found.push(`${where}imports ${specifier}: ${code}`);
        else if (!specifier.startsWith(".")) found.push(`${where}imports the package ${specifier}: ${code}`);
      }
    }
    for (const { label, pattern } of FORBIDDEN) {
      if (pattern.test(line)) found.push(`${where}calls ${label}: ${code}`);
    }
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("src/core purity", () => {
  const files = sourceFiles(CORE);

  it("R-PURE-1 finds the core's source files", () => {
    const names = files.map((f) => relative(CORE, f));
    expect(names).toContain("dates.ts");
    expect(names).toContain("reconcile.ts");
    expect(names).toContain(join("rules", "license-usage.ts"));
    expect(names).toContain("test-fixtures.ts");
    expect(names.some((n) => n.endsWith(".test.ts"))).toBe(false);
  });

  it("R-PURE-1 no core file imports node:* or a package, or reaches the clock, randomness, timers or network", () => {
    const found = files.flatMap((file) =>
      impurities(`src/core/${relative(CORE, file)}`, readFileSync(file, "utf8")),
    );
    expect(found).toEqual([]);
  });
});

describe("the purity check itself", () => {
  it("R-PURE-1 flags node:* and bare package imports, with the file and line", () => {
    const source = [
      'import { x } from "./x.ts";',
      'import { readFileSync } from "node:fs";',
      "import {",
      "  z,",
      '} from "zod";',
      'import "reflect-metadata";',
      'const m = await import("node:crypto");',
      'export { y } from "../y.ts";',
    ].join("\n");
    expect(impurities("a.ts", source)).toEqual([
      'a.ts:2: imports node:fs: import { readFileSync } from "node:fs";',
      'a.ts:5: imports the package zod: } from "zod";',
      'a.ts:6: imports the package reflect-metadata: import "reflect-metadata";',
      'a.ts:7: imports node:crypto: const m = await import("node:crypto");',
    ]);
  });

  it("R-PURE-1 flags each forbidden call and allows new Date(argument)", () => {
    const calls = [
      "const a = Date.now();",
      "const b = new Date();",
      "const c = Math.random();",
      "const d = performance.now();",
      "const e = process.env.PORTAL_TZ;",
      "setTimeout(run, 10);",
      "setInterval(run, 10);",
      "await fetch(url);",
    ];
    const found = impurities("b.ts", calls.join("\n"));
    expect(found).toHaveLength(calls.length);
    calls.forEach((call, i) => {
      expect(found[i]).toContain(`b.ts:${i + 1}: calls`);
      expect(found[i]).toContain(call);
    });
    expect(
      impurities("c.ts", "const at = new Date(now.getTime() - ms);\nconst t = new Date(instant);"),
    ).toEqual([]);
  });

  it("R-PURE-1 ignores comments but not code after a URL-like string", () => {
    const source = [
      "// never call Date.now() here",
      "/* the scan process. */",
      'const url = "https://example.test"; const now = Date.now();',
    ].join("\n");
    expect(impurities("d.ts", source)).toEqual([
      'd.ts:3: calls Date.now(: const url = "https://example.test"; const now = Date.now();',
    ]);
  });
});
