// `ladderbook serve` in a real browser: an edit reloads the tabs whose page
// changed and leaves the others alone (issue 20).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { BIN, REPO, launch, newPage } from "./lib.mjs";

/** A copy of the bundled book, served by `ladderbook serve` on a free port. */
async function serveCopy() {
  const dir = await mkdtemp(join(tmpdir(), "ladderbook-live-"));
  for (const entry of ["book.toml", "content", "themes"]) {
    await cp(join(REPO, entry), join(dir, entry), { recursive: true }).catch(() => {});
  }
  const child = spawn(BIN, ["serve", dir, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  const lines = createInterface({ input: child.stderr });
  const base = await new Promise((resolve, reject) => {
    lines.on("line", (line) => {
      const match = line.match(/^serve: (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const stop = async () => {
    child.kill();
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, base, stop };
}

/** Marks a page's current document: a reload forgets the mark. */
const mark = (page) => page.evaluate(() => { window.__notReloaded = true; });
const marked = (page) => page.evaluate(() => window.__notReloaded === true);

test("an edit reloads the tab showing the edited page, not the others", async () => {
  const server = await serveCopy();
  const browser = await launch();
  try {
    const edited = await newPage(browser);
    const other = await newPage(browser);
    await edited.goto(`${server.base}pages/promotion.html`);
    await other.goto(`${server.base}matrix.html`);
    // Let both tabs open their event streams before the edit.
    await edited.waitForTimeout(500);
    await mark(edited);
    await mark(other);
    const source = join(server.dir, "content/pages/promotion.md");
    const text = await readFile(source, "utf8");
    await writeFile(source, `${text}\nA paragraph the browser test added.\n`);
    await edited.waitForFunction(
      () => document.body.textContent.includes("A paragraph the browser test added."),
      null,
      { timeout: 10000 },
    );
    assert.equal(await marked(edited), false, "the edited page reloaded");
    // The other tab had the same event: give it time to (not) reload.
    await other.waitForTimeout(500);
    assert.equal(await marked(other), true, "a page whose bytes did not change stays");
    assert.deepEqual([...edited.errors, ...other.errors], []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
