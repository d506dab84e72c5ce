// The self-assessment: rate, keep, export, clear, import, version notices.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { SITE, SHOTS, serveSite, launch, newPage, download } from "./lib.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const targetItems = "#assess-form section.assess-group:not(.foundation) fieldset.assess-item";

async function rate(page, index, rating) {
  const item = page.locator(targetItems).nth(index);
  await item.locator(`input[value="${rating}"]`).check();
}

async function checkedRatings(page) {
  return page.$$eval(`${targetItems} input[type=radio]:checked`, (inputs) => inputs.map((i) => `${i.name}=${i.value}`));
}

test("rate, reload, export, clear and import give back the same assessment", async () => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-3");
  const count = await page.locator(targetItems).count();
  assert.ok(count > 20, `sre-3 lists its expectations (${count})`);
  assert.match(await page.textContent("#assess-summary"), /0%/);
  await rate(page, 0, "consistently");
  await rate(page, 1, "beyond");
  await rate(page, 2, "partly");
  await rate(page, 3, "not-yet");
  await page.locator(targetItems).nth(0).locator("textarea").fill("Led two Sev-1s this quarter.");
  const summary = await page.textContent("#assess-summary");
  assert.match(summary, new RegExp(`2 of ${count} expectations of L3 met`), summary);
  const gaps = await page.$$eval("#assess-gaps li", (items) => items.map((li) => li.textContent));
  assert.equal(gaps.length, count - 2, "every expectation below the bar is a gap");
  assert.match(gaps[0], /gap 2/, "the biggest gaps come first");
  assert.ok(gaps.some((g) => /partly, gap 1/.test(g)));
  assert.ok(await page.locator("#assess-charts svg.radar").count() >= 3, "a chart per area");

  const before = await checkedRatings(page);
  await page.reload();
  assert.equal(await page.inputValue("#assess-target"), "sre-3", "the target level is kept");
  assert.deepEqual(await checkedRatings(page), before, "ratings are kept across a reload");
  assert.equal(await page.locator(targetItems).nth(0).locator("textarea").inputValue(), "Led two Sev-1s this quarter.");

  const exported = await download(page, '[data-action="export"]');
  const file = JSON.parse(exported.text);
  assert.equal(file.format, "ladderbook.assessment/1");
  assert.equal(file.level, "sre-3");
  assert.equal(file.book.title, "SRE & DevOps Career Ladder");
  assert.match(file.book.version, /^[0-9a-f]{16}$/);
  assert.equal(Object.keys(file.ratings).length, 4);
  const first = Object.values(file.ratings).find((r) => r.rating === "consistently");
  assert.equal(first.notes, "Led two Sev-1s this quarter.");
  assert.ok(first.text.length > 10 && first.competency, "each rating carries the expectation's text");

  await page.click('[data-action="clear"]');
  assert.deepEqual(await checkedRatings(page), [], "cleared");
  await page.setInputFiles('input[data-action="import"]', exported.path);
  await page.waitForFunction(() => /Imported/.test(document.querySelector("#assess-app .status").textContent));
  assert.deepEqual(await checkedRatings(page), before, "import restores the ratings");
  const again = JSON.parse((await download(page, '[data-action="export"]')).text);
  delete again.date; delete file.date;
  assert.deepEqual(again, file, "export → import → export is identical");
  assert.deepEqual(page.errors, []);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, "assessment.png"), fullPage: false });
});

test("a file from another ladder version imports with a notice of what changed", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-2");
  await rate(page, 0, "beyond");
  const file = JSON.parse((await download(page, '[data-action="export"]')).text);
  const [key] = Object.keys(file.ratings);
  file.book.version = "0000000000000000";
  file.ratings[key].text = "An older wording of this expectation.";
  file.ratings["no-such-competency:0"] = { rating: "partly", notes: "", text: "Something the ladder dropped." };
  const dir = await mkdtemp(join(tmpdir(), "lb-assess-"));
  const path = join(dir, "old.json");
  await writeFile(path, JSON.stringify(file));
  await page.setInputFiles('input[data-action="import"]', path);
  const notice = await page.waitForSelector("#assess-notice");
  const text = await notice.textContent();
  assert.match(text, /version 0000000000000000/);
  assert.match(text, /Changed: “An older wording of this expectation.” now reads/);
  assert.match(text, /Removed: “Something the ladder dropped.”/);
  assert.match(text, /Added or not rated/);
  assert.equal(await page.locator(targetItems).nth(0).locator('input[value="beyond"]').isChecked(), true, "the rating still imports");
});

test("a scorecard file is refused with a clear message", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  const dir = await mkdtemp(join(tmpdir(), "lb-assess-"));
  const path = join(dir, "card.json");
  await writeFile(path, JSON.stringify({ format: "ladderbook.scorecard/1", scorecard: "mid-sre" }));
  await page.setInputFiles('input[data-action="import"]', path);
  await page.waitForFunction(() => /Not imported/.test(document.querySelector("#assess-app .status").textContent));
  assert.match(await page.textContent("#assess-app .status"), /interview scorecard.*ladderbook debrief/);
});

test("works from file:// too", async () => {
  const page = await newPage(browser);
  await page.goto(pathToFileURL(join(SITE, "assess.html")).href);
  await page.selectOption("#assess-target", "sre-1");
  await rate(page, 0, "consistently");
  const file = JSON.parse((await download(page, '[data-action="export"]')).text);
  assert.equal(file.level, "sre-1");
  assert.equal(Object.keys(file.ratings).length, 1);
  assert.deepEqual(page.errors, []);
});

test("without JavaScript the page is a checklist of every level", async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.base}assess.html`);
  assert.equal(await page.isVisible("#assess-app"), false);
  assert.equal(await page.locator("details.assess-level").count(), 7);
  await page.click('details#assess-sre-3 summary');
  assert.ok(await page.locator("details#assess-sre-3 li[data-key]").count() > 20);
  assert.match(await page.textContent("details#assess-sre-3"), /Incident management/);
});

test("the assessment can be done with the keyboard alone", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.type ? "[" + el.type + "]" : ""}${el.dataset.action ? "@" + el.dataset.action : ""}` : "";
  });
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press("Tab");
    found = (await focused()).startsWith("input[radio]");
  }
  assert.ok(found, "a rating is reachable with Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  const checked = await checkedRatings(page);
  assert.equal(checked.length, 1);
  assert.match(checked[0], /=partly$/, "arrow keys move within the scale");
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Shift+Tab");
    if ((await focused()) === "button[button]@export") break;
  }
  assert.equal(await focused(), "button[button]@export");
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(file.suggestedFilename(), /^assessment-.*\.json$/);
});
