// The calibration report (`ladderbook calibrate --format html`): one
// self-contained page that loads nothing else, reads well in light and dark,
// passes axe, and marks the planted lenient interviewer and flat dimension.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFile, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { BIN, REPO, SHOTS, launch, newPage } from "./lib.mjs";

let browser, report;
before(async () => {
  browser = await launch();
  const dir = await mkdtemp(join(tmpdir(), "lb-calibrate-"));
  const ladder = join(dir, "ladder.json");
  await writeFile(ladder, execFileSync(BIN, ["export", REPO, "--format", "json"]));
  execFileSync("python3", [join(REPO, "bench/gen_loops.py"), "--export", ladder, "--out", join(dir, "loops"), "--loops", "30"]);
  report = join(dir, "calibration.html");
  await writeFile(report, execFileSync(BIN, ["calibrate", "--book", REPO, "--format", "html", join(dir, "loops")]));
});
after(async () => { await browser.close(); });

for (const scheme of ["light", "dark"]) {
  test(`the report (${scheme}) is self-contained, accessible and marks what was planted`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
    assert.deepEqual(requests, [pathToFileURL(report).href], "nothing but the page itself is loaded");
    assert.equal(await page.locator("svg.chart").count(), 4, "offsets, then one distribution per scorecard");
    assert.match(await page.textContent(".findings"), /Lenny rates higher than the panel/);
    assert.equal(await page.locator("svg.chart .label.flagged", { hasText: "Lenny" }).count(), 1);
    assert.equal(await page.locator(".data .flag", { hasText: "never varies" }).count(), 3, "the last dimension of each scorecard");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.equal(serious.length, 0, serious.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("\n"));
    await page.screenshot({ path: join(SHOTS, `calibration-${scheme}.png`), fullPage: true });
    assert.deepEqual(page.errors, []);
  });
}
