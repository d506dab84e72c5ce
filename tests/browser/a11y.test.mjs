// Accessibility: axe-core finds no serious or critical violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { serveSite, launch, newPage } from "./lib.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const pages = [
  "index.html",
  "levels/sre-3.html",
  "matrix.html",
  "archetypes/slo-guard.html",
  "scorecards/engineering-leader.html",
  "assess.html",
  "competencies/incident-management.html",
  "pages/growth/breaking-out-of-mid-level.html",
];

for (const path of pages) {
  for (const scheme of ["light", "dark"]) {
    test(`${path} (${scheme}) has no serious accessibility violations`, async () => {
      const page = await newPage(browser, { colorScheme: scheme });
      await page.goto(`${server.base}${path}`);
      if (path === "assess.html") {
        await page.selectOption("#assess-target", "sre-2");
        await page.locator("#assess-form input[type=radio]").first().check();
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
      assert.equal(serious.length, 0, report);
      assert.deepEqual(page.errors, []);
    });
  }
}

// The states that scripts draw: a refused scorecard export and an import notice.
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
}

for (const scheme of ["light", "dark"]) {
  test(`scorecard form with errors (${scheme}) has no serious accessibility violations`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    await page.goto(`${server.base}scorecards/engineering-leader.html#fill`);
    await page.check('input[name="recommendation"][value="yes"]');
    await page.click('#scorecard-form [data-action="export"]');
    assert.equal(await page.isVisible("#fill-errors"), true);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(page.errors, []);
  });

  test(`self-assessment with an import notice (${scheme}) has no serious accessibility violations`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    await page.goto(`${server.base}assess.html`);
    await page.selectOption("#assess-target", "sre-4");
    const rows = page.locator("#assess-form fieldset.assess-item");
    for (const [i, r] of [[0, "not-yet"], [1, "partly"], [2, "consistently"], [3, "beyond"]]) await rows.nth(i).locator(`input[value="${r}"]`).check();
    await rows.last().locator(`input[value="partly"]`).check();
    const old = JSON.stringify({ format: "ladderbook.assessment/1", book: { title: "SRE & DevOps Career Ladder", version: "old" }, level: "sre-4",
      ratings: { "incident-management:0": { rating: "partly", notes: "", text: "Old text." }, "gone:0": { rating: "beyond", notes: "", text: "Gone." } } });
    await page.setInputFiles('input[data-action="import"]', { name: "old.json", mimeType: "application/json", buffer: Buffer.from(old) });
    await page.waitForSelector("#assess-notice:not([hidden])");
    await page.click("#assess-gaps-more");
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(page.errors, []);
  });
}

// Wide tables and code blocks scroll inside their own box on a phone; the
// page itself never scrolls sideways.
const phonePages = [
  ...pages,
  "print.html",
  "scorecards/index.html",
  "scorecards/mid-sre.html",
  "scorecards/senior-sre.html",
  "pages/hiring/running-a-loop.html",
  "pages/kpi-reference.html",
];

test("on a phone no page is wider than the screen", async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  const wide = [];
  for (const path of phonePages) {
    await page.goto(`${server.base}${path}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width}px`);
  }
  assert.deepEqual(wide, []);
  assert.deepEqual(page.errors, []);
});
