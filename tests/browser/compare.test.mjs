// Growth conversations (issue 18) on the self-assessment page: who is
// assessed and by whom, exported and read back; "Compare with a file..."
// from file:// with the keyboard alone, disagreements first, both sides'
// notes, printable; refusals; axe in light and dark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { SITE, SHOTS, serveSite, launch, newPage, download, shoot } from "./lib.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const targetItems = "#assess-form fieldset.assess-item:not(.foundation)";

async function writeJson(name, data) {
  const dir = await mkdtemp(join(tmpdir(), "lb-compare-"));
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(data));
  return path;
}

async function rate(page, index, rating) {
  await page.locator(targetItems).nth(index).locator(`input[value="${rating}"]`).check();
}

async function focusedAction(page) {
  return page.evaluate(() => (document.activeElement && document.activeElement.dataset.action) || "");
}

/** Tabs from the top of the page to the control with `data-action`. */
async function tabTo(page, action) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedAction(page)) === action) return;
  }
  assert.fail(`no control ${action} reachable with Tab`);
}

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
}

/** sre-3 rated on the page (as Ana, self) and a manager's file of it. */
async function pageAndManagerFile(page) {
  await page.selectOption("#assess-target", "sre-3");
  await page.click("#assess-about summary");
  await page.fill("#assess-person", "Ana Lima");
  await page.fill("#assess-assessor", "Ana Lima");
  await page.selectOption("#assess-perspective", "self");
  await page.selectOption("#assess-current", "sre-2");
  await rate(page, 0, "beyond");
  await page.locator(targetItems).nth(0).locator("textarea").fill("Led four Sev-1s.");
  await rate(page, 1, "consistently");
  await rate(page, 2, "partly");
  const { text } = await download(page, '[data-action="export"]');
  const mine = JSON.parse(text);
  const keys = Object.keys(mine.ratings);
  const theirs = JSON.parse(text);
  theirs.assessor = "Sam Park";
  theirs.perspective = "manager";
  theirs.ratings[keys[0]] = { ...theirs.ratings[keys[0]], rating: "not-yet", notes: "Not yet leading alone." };
  theirs.ratings[keys[1]] = { ...theirs.ratings[keys[1]], rating: "partly" };
  theirs.ratings[keys[2]] = { ...theirs.ratings[keys[2]], rating: "consistently" };
  return { mine, theirs, keys };
}

test("who is assessed and by whom go into the export and come back on import", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  const { mine } = await pageAndManagerFile(page);
  assert.equal(mine.person, "Ana Lima");
  assert.equal(mine.assessor, "Ana Lima");
  assert.equal(mine.perspective, "self");
  assert.equal(mine.current_level, "sre-2");
  // A file without them (as before issue 18) still imports, and clears them.
  const old = { ...mine };
  delete old.person; delete old.assessor; delete old.perspective; delete old.current_level;
  await page.setInputFiles('input[data-action="import"]', await writeJson("old.json", old));
  await page.waitForFunction(() => /Imported/.test(document.querySelector("#assess-app .status").textContent));
  assert.equal(await page.inputValue("#assess-person"), "");
  assert.equal(await page.locator(targetItems).nth(0).locator('input[value="beyond"]').isChecked(), true);
  await page.setInputFiles('input[data-action="import"]', await writeJson("mine.json", mine));
  await page.waitForFunction(() => /Imported mine/.test(document.querySelector("#assess-app .status").textContent));
  assert.equal(await page.inputValue("#assess-person"), "Ana Lima");
  assert.equal(await page.inputValue("#assess-perspective"), "self");
  assert.deepEqual(page.errors, []);
});

test("compare from file:// with the keyboard: disagreements first, both notes, printable", async () => {
  const page = await newPage(browser);
  await page.goto(pathToFileURL(join(SITE, "assess.html")).href);
  const { theirs, keys } = await pageAndManagerFile(page);
  const path = await writeJson("ana-manager.json", theirs);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await tabTo(page, "compare");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  await chooser.setFiles(path);
  await page.waitForSelector("#assess-compare:not([hidden])");
  assert.equal(await page.evaluate(() => document.activeElement.id), "assess-compare", "focus moves to the comparison");
  const summary = await page.textContent("#assess-compare > p");
  assert.match(summary, /Ana Lima \(self\) \(this page\) and Sam Park \(manager\)/, summary);
  assert.match(summary, /1 expectation two or more steps apart, 2 one step/, summary);
  const first = page.locator("#assess-compare table").first().locator("tbody tr");
  assert.equal(await first.count(), 1, "only the two-steps-apart expectation is in the first table");
  const row = await first.first().textContent();
  assert.match(row, /Beyond.*Led four Sev-1s\..*Not yet.*Not yet leading alone\..*3/, row);
  const itemText = await page.locator(targetItems).nth(0).locator("legend").textContent();
  assert.ok(row.includes(itemText.trim().slice(0, 30)), `${row} / ${itemText}`);
  assert.ok(!keys.length || (await page.locator("#assess-compare table").nth(1).locator("tbody tr").count()) > 30);

  // Print: only the comparison is on paper.
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await page.focus('[data-action="print-compare"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => window.printed), true);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#assess-compare"), true);
  assert.equal(await page.isVisible(".assess-result"), false);
  assert.equal(await page.isVisible("#assess-form"), false);
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => document.body.classList.remove("printing-compare"));
  await shoot(page, "#assess-compare", join(SHOTS, "assess-compare.png"));

  await page.focus('[data-action="close-compare"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.isVisible("#assess-compare"), false);
  assert.equal(await focusedAction(page), "compare", "focus returns to the compare control");
  assert.deepEqual(page.errors, []);
});

test("a file of another level or another format is not compared", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  const { theirs } = await pageAndManagerFile(page);
  const status = "#assess-app .status";
  await page.setInputFiles('input[data-action="compare"]', await writeJson("l4.json", { ...theirs, level: "sre-4" }));
  await page.waitForFunction((s) => /Not compared/.test(document.querySelector(s).textContent), status);
  assert.match(await page.textContent(status), /rates L4 .*pick that target level first/);
  await page.setInputFiles('input[data-action="compare"]', await writeJson("card.json", { format: "ladderbook.scorecard/1" }));
  await page.waitForFunction((s) => /not a self-assessment file/.test(document.querySelector(s).textContent), status);
  assert.equal(await page.isVisible("#assess-compare"), false);
  assert.deepEqual(page.errors, []);
});

for (const scheme of ["light", "dark"]) {
  test(`the comparison (${scheme}) has no serious accessibility violations`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    await page.goto(`${server.base}assess.html`);
    const { theirs } = await pageAndManagerFile(page);
    await page.setInputFiles('input[data-action="compare"]', await writeJson("m.json", theirs));
    await page.waitForSelector("#assess-compare:not([hidden])");
    assert.deepEqual(await seriousViolations(page), []);
    if (scheme === "dark") await shoot(page, "#assess-compare", join(SHOTS, "assess-compare-dark.png"));
  });
}
