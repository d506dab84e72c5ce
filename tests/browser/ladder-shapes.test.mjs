// What real ladders say (issue 25): level-wide aspects, a group that ends,
// a note on a cell and levels that share a title, as a reader sees them on
// a level page and in the self-assessment; pages stay axe clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import AxeBuilder from "@axe-core/playwright";
import { BIN, SHOTS, serveSite, launch, newPage, shoot } from "./lib.mjs";

const FILES = {
  "book.toml": '[book]\ntitle = "Reliability framework"\n\n[ladder]\nareas = ["Craft", "Culture"]\naspects = ["Scope", "Collaborative reach", "Impact levers"]\n',
  "content/levels/ic1.md": `---
title: Reliability Engineer
code: IC1
rank: 1
summary: Learns the systems and fixes what they are pointed at.
expectations:
  scope: Works on well-defined tasks within one service.
  collaborative-reach: Works mostly within their own team.
  impact-levers:
    - text: Finishes what they pick up.
      examples: [Closes a ticket with a short write-up of what changed.]
---
`,
  "content/levels/ic2.md": `---
title: Reliability Engineer
code: IC2
rank: 2
summary: Owns a service and its on-call.
expectations:
  scope:
    - Owns a service end to end, including its alerts and runbooks.
    - Breaks a quarter's goal into tasks without help.
  impact-levers: [Raises the bar of the team's reviews.]
---
`,
  "content/levels/ic3.md": `---
title: Senior Reliability Engineer
code: IC3
rank: 3
summary: Leads reliability work across a product area.
expectations:
  scope: Owns the reliability goals of a product area for a half.
  collaborative-reach: { note: "Reach grows with the area, not with the title." }
---
`,
  "content/competencies/code.yaml": `name: Code fluency
area: Craft
expectations:
  ic1: [Writes clear code with tests.]
  ic2:
    - Writes clear code with tests.
    - Reads and debugs code they did not write.
  ic3: { note: "The expectations for code fluency do not go up beyond IC2." }
`,
  "content/competencies/design.yaml": `name: Systems design
area: Craft
expectations:
  ic1: Follows the team's design patterns.
  ic2: Designs a component with its failure modes.
  ic3: Designs systems that other teams depend on.
`,
  "content/competencies/culture.yaml": `name: Culture leader
area: Culture
expectations:
  ic2:
    - Sets the cultural tone of the team with their manager.
    - Welcomes new people and pairs with them in their first weeks.
  ic3: []
`,
};

let server, browser;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "lb-shapes-"));
  const book = join(dir, "book");
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(book, path)), { recursive: true });
    await writeFile(join(book, path), text);
  }
  const site = join(dir, "site");
  execFileSync(BIN, ["--quiet", "build", book, "--out", site]);
  server = await serveSite(site);
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

async function axeSerious(page, label) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")})`);
}

for (const scheme of ["light", "dark"]) {
  test(`a level page with aspects and an ended group (${scheme})`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    await page.goto(`${server.base}levels/ic3.html`);
    // The level-wide band comes first, before what changes.
    const headings = await page.locator("main h2").allTextContents();
    assert.equal(headings[0], "Across the level");
    assert.match(headings[1], /^What changes from Reliability Engineer \(IC2\)/);
    const band = page.locator("#level-wide");
    assert.deepEqual(await band.locator("article h3").evaluateAll((hs) => hs.map((h) => h.firstChild.textContent.trim())), ["Scope", "Collaborative reach", "Impact levers"]);
    assert.match(await band.locator("#collaborative-reach").textContent(), /Reach grows with the area/);
    assert.match(await band.locator("#impact-levers").textContent(), /carried over from IC2/);
    // Culture leader ended at IC3: "Ends" in what changes, gone from the list.
    const ends = page.locator(".change-ends");
    assert.equal(await ends.count(), 1);
    assert.match(await ends.textContent(), /Culture leader/);
    assert.equal(await page.locator("#expectations article#culture").count(), 0);
    assert.match(await page.locator("#ended").textContent(), /Culture leader \(ended at IC3\)/);
    assert.deepEqual(await axeSerious(page, "levels/ic3.html"), []);
    await page.setViewportSize({ width: 1000, height: 900 });
    await shoot(page, "main", join(SHOTS, `shapes-level-ic3-${scheme}.png`));
    await page.goto(`${server.base}matrix.html`);
    assert.equal(await page.locator("tbody.level-wide tr:not(.area-row)").count(), 3);
    assert.equal(await page.locator("td.ended").count(), 1);
    assert.deepEqual(await axeSerious(page, "matrix.html"), []);
    await shoot(page, "table.matrix", join(SHOTS, `shapes-matrix-${scheme}.png`));
    assert.deepEqual(page.errors, []);
  });
}

test("the checklist of a level with a shared title: aspects first, notes shown, no sentence twice", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  const options = await page.locator("#assess-target option").allTextContents();
  assert.deepEqual(options, ["IC1 · Reliability Engineer", "IC2 · Reliability Engineer", "IC3 · Senior Reliability Engineer"]);
  await page.selectOption("#assess-target", "ic2");
  const areas = await page.locator("#assess-form .area-title").allTextContents();
  assert.deepEqual(areas, ["Across the level", "Craft", "Culture"]);
  const texts = await page.locator("#assess-form fieldset.assess-item:not(.foundation) legend").allTextContents();
  assert.equal(new Set(texts).size, texts.length, `no sentence twice: ${texts.join(" | ")}`);
  // IC2's own: Scope 2, Collaborative reach 1 (carried), Impact levers 1,
  // Code 2, Design 1, Culture 2.
  assert.equal(texts.length, 9);
  await page.locator("#assess-form fieldset.assess-item").first().locator('input[value="consistently"]').check();
  assert.deepEqual(await axeSerious(page, "assess.html ic2"), []);
  await shoot(page, "#assess-form", join(SHOTS, "shapes-assess-ic2.png"));
  // IC3: the notes are shown and not rated; the ended group is no foundation.
  await page.selectOption("#assess-target", "ic3");
  const notes = await page.locator("#assess-form .cell-note").allTextContents();
  assert.deepEqual(notes.map((n) => n.trim()), ["Note: Reach grows with the area, not with the title.", "Note: The expectations for code fluency do not go up beyond IC2."]);
  const rated = await page.locator("#assess-form fieldset.assess-item legend").allTextContents();
  assert.ok(!rated.some((t) => /do not go up beyond/.test(t)), rated.join(" | "));
  assert.ok(!rated.some((t) => /cultural tone|Welcomes new people/.test(t)), `ended group in the foundation: ${rated.join(" | ")}`);
  await shoot(page, "#assess-form", join(SHOTS, "shapes-assess-ic3.png"));
  assert.deepEqual(await axeSerious(page, "assess.html ic3"), []);
  assert.deepEqual(page.errors, []);
});
