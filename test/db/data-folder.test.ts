/** The embedded database's data folder: created on demand, reopened with its data, guarded. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.ts";

describe("openDatabase with a PGlite data folder", () => {
  const root = mkdtempSync(join(tmpdir(), "portal-data-folder-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates a missing folder and finds the data again after reopening", async () => {
    const folder = join(root, "nested", "data");
    const first = await openDatabase<{ notes: { body: string } }>({ dataDir: folder });
    expect(first.kind).toBe("pglite");
    await sql`create table notes (body text)`.execute(first.db);
    await first.db.insertInto("notes").values({ body: "kept on disk" }).execute();
    await first.close();

    const second = await openDatabase<{ notes: { body: string } }>({ dataDir: folder });
    expect(await second.db.selectFrom("notes").select("body").execute()).toEqual([{ body: "kept on disk" }]);
    await second.close();
  });

  it("refuses a non-empty folder that holds no database", async () => {
    const folder = join(root, "somebody-elses-files");
    mkdirSync(folder);
    writeFileSync(join(folder, "notes.txt"), "not a database");
    await expect(openDatabase({ dataDir: folder })).rejects.toThrow(
      `${folder} is not empty and holds no database`,
    );
  });

  it("names the folder and the way out when PGlite cannot open it", async () => {
    const folder = join(root, "other-version");
    mkdirSync(join(folder, "base"), { recursive: true });
    writeFileSync(join(folder, "PG_VERSION"), "15\n");
    const opening = openDatabase({ dataDir: folder });
    await expect(opening).rejects.toThrow(`Could not open the PGlite database in ${folder}`);
    await expect(opening).rejects.toThrow(/move the folder aside/);
  });
});
