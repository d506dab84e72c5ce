// A cumulative book (levels add up, items with examples, no areas): the
// self-assessment rates every item a level expects, inherited ones marked
// with their level, and the result counts them; pages stay axe clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { SHOTS, buildBook, serveSite, launch, newPage, shoot } from "./lib.mjs";

const FILES = {
  "book.toml": '[book]\ntitle = "Data progression"\n\n[ladder]\nexpectations = "cumulative"\n',
  "content/levels/level-1.md": "---\ntitle: Level 1\ncode: L1\nrank: 1\n---\nLearning the craft with support.\n",
  "content/levels/level-2.md": "---\ntitle: Level 2\ncode: L2\nrank: 2\n---\nDelivers on their own.\n",
  "content/levels/level-3.md": "---\ntitle: Level 3\ncode: L3\nrank: 3\nsummary: Owns problems end to end.\n---\nTakes on ambiguous work.\n",
  "content/competencies/communication.yaml": `name: Comms & feedback
order: 1
summary: How you interact with others
expectations:
  level-1:
    - Gives regular status updates to their mentor
    - Asks other engineers for guidance rather than answers
  level-2:
    - Accepts feedback graciously
    - text: Writes PR descriptions that give context and explain decisions
      examples:
        - "I went with X rather than Y; Z was an option, but it doubles the cost"
        - Links the ticket and the design document
  level-3:
    - Is open about their mistakes, early
`,
  "content/competencies/impact.yaml": `name: Impact
order: 2
summary: The size and value of what you deliver
expectations:
  level-1: Delivers assigned tasks with help from a more senior engineer
  level-2:
    - Breaks small problems into iterative steps
  level-3:
    - text: Solves problems that are not yet well defined
      examples:
        - Turns a vague request from the business into a scoped proposal
`,
};

let server, browser, site;
before(async () => {
  site = await buildBook("cumulative", FILES);
  server = await serveSite(site);
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

const items = "#assess-form fieldset.assess-item";

test("a cumulative level's self-assessment rates its inherited items and counts them", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "level-3");
  // Level 3 expects 2 + 2 (comms, L1 and L2) + 1 (its own) and 1 + 1 + 1 (impact).
  assert.equal(await page.locator(items).count(), 8);
  assert.equal(await page.locator(`${items}.foundation`).count(), 0, "the level below is inside, not a foundation");
  const inherited = await page.locator(`${items} .badge-from`).allTextContents();
  assert.deepEqual(inherited.sort(), ["from L1", "from L1", "from L1", "from L2", "from L2", "from L2"]);
  // Examples come along under their item.
  assert.match(await page.locator(items).filter({ hasText: "Writes PR descriptions" }).textContent(), /Links the ticket/);
  // Rate the six inherited items consistently: the result counts them.
  const fieldsets = page.locator(items);
  for (let i = 0; i < 8; i += 1) {
    const fieldset = fieldsets.nth(i);
    if (await fieldset.locator(".badge-from").count()) {
      await fieldset.locator('input[value="consistently"]').check();
    }
  }
  const summary = await page.textContent("#assess-summary");
  assert.match(summary, /6 of 8 expectations rated consistently or beyond; 6 of 8 rated/, summary);
  assert.match(summary, /75%/, summary);
  // No area headings in a book without areas.
  assert.equal(await page.locator("#assess-form .area-title").count(), 0);
  await shoot(page, "#assess-form", join(SHOTS, "cumulative-assess.png"));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(page.errors, []);
});

for (const scheme of ["light", "dark"]) {
  test(`a cumulative level page and its examples are axe clean (${scheme})`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    for (const path of ["levels/level-3.html", "levels/level-2.html", "matrix.html", "competencies/communication.html"]) {
      await page.goto(`${server.base}${path}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(serious.map((v) => `${path}: ${v.id}: ${v.help}`), []);
    }
    await page.goto(`${server.base}levels/level-3.html`);
    await shoot(page, "#expectations", join(SHOTS, `cumulative-level-${scheme}.png`));
    await page.goto(`${server.base}levels/level-2.html`);
    await shoot(page, "#communication", join(SHOTS, `item-with-examples-${scheme}.png`));
    await page.goto(`${server.base}matrix.html`);
    await shoot(page, "table.matrix", join(SHOTS, `cumulative-matrix-${scheme}.png`));
    assert.deepEqual(page.errors, []);
  });
}
