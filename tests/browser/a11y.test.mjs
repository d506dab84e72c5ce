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
