// The self-assessment (assess.js): rate, keep, export, clear, import, version
// notices, refusals, file://, JavaScript off, keyboard only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { SITE, SHOTS, serveSite, launch, newPage, download, shoot } from "./lib.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

const targetItems = "#assess-form fieldset.assess-item:not(.foundation)";
const foundationItems = "#assess-form fieldset.assess-item.foundation";
const status = "#assess-app .status";

async function rate(page, index, rating, items = targetItems) {
  await page.locator(items).nth(index).locator(`input[value="${rating}"]`).check();
}

async function checkedRatings(page) {
  return page.$$eval("#assess-form input[type=radio]:checked", (inputs) => inputs.map((i) => `${i.name}=${i.value}`));
}

async function writeJson(name, data) {
  const dir = await mkdtemp(join(tmpdir(), "lb-assess-"));
  const path = join(dir, name);
  await writeFile(path, typeof data === "string" ? data : JSON.stringify(data));
  return path;
}

async function importFile(page, path) {
  await page.evaluate((s) => { document.querySelector(s).textContent = ""; }, status);
  await page.setInputFiles('input[data-action="import"]', path);
  await page.waitForFunction((s) => /Imported|Not imported/.test(document.querySelector(s).textContent), status);
  return page.textContent(status);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("rate, reload, export, clear and import give back the same assessment", async () => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${server.base}assess.html`);
  assert.equal(await page.isVisible("#assess-app"), true);
  assert.equal(await page.isVisible("#assess-checklist"), false, "the checklist gives way to the form");
  await page.selectOption("#assess-target", "sre-3");
  const count = await page.locator(targetItems).count();
  assert.equal(count, 36, "every expectation of sre-3, carried-over ones included");
  assert.ok(await page.locator(foundationItems).count() > 0, "the level below is shown as the foundation");
  assert.match(await page.textContent("#assess-summary"), /Not rated yet/);

  await rate(page, 0, "consistently");
  await rate(page, 1, "beyond");
  await rate(page, 2, "partly");
  await rate(page, 3, "not-yet");
  await rate(page, 0, "partly", foundationItems);
  await page.locator(targetItems).nth(0).locator("textarea").fill("Led two Sev-1s this quarter.");
  await page.fill("#assess-notes", "Ready to talk about L3 in the next review.");

  const summary = await page.textContent("#assess-summary");
  assert.match(summary, /6%/, summary);
  assert.match(summary, new RegExp(`2 of ${count} expectations rated consistently or beyond; 4 of ${count} rated`), summary);
  assert.match(summary, /Not ready yet/);
  const gaps = await page.$$eval("#assess-gaps li", (items) => items.map((li) => li.textContent));
  assert.equal(gaps.length, count - 2, "every expectation below consistently is a gap");
  assert.match(gaps[0], /^−2.*· not yet$/, "the biggest gaps come first, rated ones before unrated");
  assert.match(gaps[gaps.length - 1], /^−1.*· partly$/);
  assert.equal(await page.locator("#assess-gaps li:visible").count(), 10, "the list starts short");
  await page.click("#assess-gaps-more");
  assert.equal(await page.locator("#assess-gaps li:visible").count(), count - 2);
  const href = await page.getAttribute("#assess-gaps li a", "href");
  assert.equal(await page.locator(href).count(), 1, "each gap links to its item");

  assert.equal(await page.locator("#assess-charts svg.radar").count(), 7, "a chart per area");
  assert.equal(await page.locator("#assess-charts svg.radar:not(.radar-bars) .radar-shape.target").count(), 4, "radars show the level's bar");
  assert.equal(await page.locator("#assess-charts svg.radar-bars").count(), 3, "areas of one or two competencies are bars");
  const reliability = page.locator("#assess-charts figure").filter({ has: page.locator("figcaption", { hasText: /^Reliability$/ }) }).locator("svg");
  assert.equal(await reliability.locator(".radar-label").count(), 5);
  assert.equal(await reliability.getAttribute("viewBox"), "-70 -10 560 440");

  const before = await checkedRatings(page);
  await page.reload();
  assert.equal(await page.inputValue("#assess-target"), "sre-3", "the target level is kept");
  assert.deepEqual(await checkedRatings(page), before, "ratings are kept across a reload");
  assert.equal(await page.locator(targetItems).nth(0).locator("textarea").inputValue(), "Led two Sev-1s this quarter.");

  await page.selectOption("#assess-target", "sre-2");
  assert.deepEqual(await checkedRatings(page), [], "each target level has its own assessment");
  await page.selectOption("#assess-target", "sre-3");
  assert.deepEqual(await checkedRatings(page), before);

  const exported = await download(page, '[data-action="export"]');
  assert.match(exported.name, /^self-assessment-sre-3-\d{4}-\d\d-\d\d\.json$/);
  const file = JSON.parse(exported.text);
  assert.equal(file.format, "ladderbook.assessment/1");
  assert.equal(file.level, "sre-3");
  assert.match(file.date, /^\d{4}-\d\d-\d\d$/);
  assert.equal(file.book.title, "SRE & DevOps Career Ladder");
  assert.equal(file.book.version, await page.getAttribute("body", "data-version"));
  assert.equal(file.notes, "Ready to talk about L3 in the next review.");
  assert.equal(Object.keys(file.ratings).length, count, "every expectation is in the file, rated or not");
  const rated = Object.entries(file.ratings).filter(([, r]) => r.rating !== null);
  assert.deepEqual(rated.map(([, r]) => r.rating), ["consistently", "beyond", "partly", "not-yet"]);
  const [firstKey, first] = rated[0];
  // <competency>@<level that introduced it>:<hash of its text> (issue 25)
  assert.match(firstKey, /^[a-z0-9-]+@[a-z0-9-]+:[0-9a-f]{8}$/);
  assert.deepEqual(Object.keys(first), ["rating", "notes", "text", "competency"]);
  assert.equal(first.notes, "Led two Sev-1s this quarter.");
  assert.equal(first.competency, firstKey.split("@")[0]);
  assert.equal(first.text, await page.getAttribute(`#assess-sre-3 li[data-key="${firstKey}"]`, "data-text"), "the expectation's text travels with it");
  assert.equal(file.foundation.level, "sre-2");
  assert.equal(Object.values(file.foundation.ratings).filter((r) => r.rating === "partly").length, 1);

  await page.click('[data-action="clear"]');
  assert.deepEqual(await checkedRatings(page), [], "cleared");
  assert.equal(await page.inputValue("#assess-notes"), "");
  await page.reload();
  assert.deepEqual(await checkedRatings(page), [], "cleared for good");

  assert.match(await importFile(page, exported.path), /^Imported/);
  assert.deepEqual(await checkedRatings(page), before, "import restores the ratings");
  assert.equal(await page.isVisible("#assess-notice"), false, "same version: nothing to report");
  const again = JSON.parse((await download(page, '[data-action="export"]')).text);
  delete again.date; delete file.date;
  assert.deepEqual(again, file, "export → import → export is identical");
  assert.deepEqual(page.errors, []);
});

test("a file from another ladder version imports with a notice of what changed", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-2");
  await rate(page, 0, "beyond");
  await rate(page, 1, "partly");
  const file = JSON.parse((await download(page, '[data-action="export"]')).text);
  const [changedKey, addedKey] = Object.keys(file.ratings);
  const current = file.ratings[changedKey].text;
  const added = file.ratings[addedKey].text;
  file.book.version = "0000000000000000";
  file.ratings[changedKey].text = "An older wording of this expectation.";
  delete file.ratings[addedKey];
  file.ratings["no-such-competency:0"] = { rating: "partly", notes: "", text: "Something the ladder dropped.", competency: "no-such-competency" };
  assert.match(await importFile(page, await writeJson("old.json", file)), /^Imported/);

  const notice = page.locator("#assess-notice");
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.textContent(), /another version of the handbook \(0000000000000000; this page is [0-9a-f]{16}\)/);
  assert.equal(await notice.locator(".notice-changed li").count(), 1);
  assert.match(await notice.locator(".notice-changed li").textContent(), new RegExp(`An older wording of this expectation\\..*${escapeRegExp(current)}`));
  assert.equal(await notice.locator(".notice-removed li").textContent(), "Something the ladder dropped.");
  assert.equal(await notice.locator(".notice-added li").textContent(), added);
  assert.equal(await page.locator(targetItems).nth(0).locator('input[value="beyond"]').isChecked(), true, "a changed item's rating still imports");
  assert.equal(await page.locator(targetItems).nth(1).locator("input:checked").count(), 0, "an item missing from the file is unrated");
  await page.screenshot({ path: join(SHOTS, "assessment-notice.png") });
  await notice.locator("button").click();
  assert.equal(await notice.isVisible(), false, "the notice can be dismissed");
  assert.deepEqual(page.errors, []);
});

test("files that are not an assessment of this ladder are refused with a clear message", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-1");
  await rate(page, 0, "beyond");
  const before = await checkedRatings(page);
  const refused = async (name, data, pattern) => {
    const message = await importFile(page, await writeJson(name, data));
    assert.match(message, pattern);
    assert.match(await page.getAttribute(status, "class"), /\berror\b/);
    assert.deepEqual(await checkedRatings(page), before, "nothing changed");
  };
  await refused("card.json", { format: "ladderbook.scorecard/1", scorecard: "mid-sre" },
    /^Not imported: card\.json is an interview scorecard \(ladderbook\.scorecard\/1\), not a self-assessment\..*ladderbook debrief/);
  await refused("other.json", { format: "something-else/2" }, /unknown format \(something-else\/2\): expected ladderbook\.assessment\/1/);
  await refused("broken.json", "{ not json", /broken\.json is not a JSON file/);
  await refused("level.json", { format: "ladderbook.assessment/1", level: "cto", ratings: {} }, /level “cto”, which this handbook does not have/);
  assert.deepEqual(page.errors, []);
});

test("works from file:// too", async () => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(pathToFileURL(join(SITE, "assess.html")).href);
  await page.selectOption("#assess-target", "mgr-1");
  await rate(page, 0, "consistently");
  const exported = await download(page, '[data-action="export"]');
  const file = JSON.parse(exported.text);
  assert.equal(file.level, "mgr-1");
  assert.equal(Object.values(file.ratings).filter((r) => r.rating).length, 1);
  await page.click('[data-action="clear"]');
  assert.match(await importFile(page, exported.path), /^Imported/);
  assert.equal(await page.locator(targetItems).nth(0).locator('input[value="consistently"]').isChecked(), true);
  assert.deepEqual(page.errors, []);
});

test("an export saved again with a byte order mark (as Notepad does) imports", async () => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-2");
  await rate(page, 0, "beyond");
  const exported = await download(page, '[data-action="export"]');
  await page.click('[data-action="clear"]');
  const path = await writeJson("notepad.json", "\uFEFF" + exported.text);
  assert.equal((await readFile(path))[0], 0xef, "the file starts with the UTF-8 byte order mark");
  assert.match(await importFile(page, path), /^Imported/);
  assert.equal(await page.locator(targetItems).nth(0).locator('input[value="beyond"]').isChecked(), true);
  assert.deepEqual(page.errors, []);
});

test("the filled result (screenshots, light and dark)", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await newPage(browser, { colorScheme });
    await page.goto(`${server.base}assess.html`);
    await page.selectOption("#assess-target", "sre-3");
    const ratings = ["consistently", "beyond", "partly", "consistently", "not-yet", "consistently", "partly", "beyond", "consistently"];
    for (let i = 0; i < 30; i++) await rate(page, i, ratings[i % ratings.length]);
    await page.locator(targetItems).nth(0).locator("textarea").fill("Led two Sev-1s this quarter.");
    assert.match(await page.textContent("#assess-summary"), /56%.*Growing into L3/);
    await shoot(page, ".assess-result", join(SHOTS, colorScheme === "light" ? "assessment.png" : "assessment-dark.png"));
    if (colorScheme === "light") await shoot(page, "#assess-form .assess-area", join(SHOTS, "assessment-form.png"));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("on a phone nothing is wider than the screen", async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-3");
  await rate(page, 0, "partly");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
});

test("without JavaScript the page is a checklist of every level", async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.base}assess.html`);
  assert.equal(await page.isVisible("#assess-app"), false);
  assert.equal(await page.isVisible("#assess-checklist"), true);
  assert.equal(await page.locator("details.assess-level").count(), 7);
  await page.click("details#assess-sre-3 summary");
  assert.equal(await page.locator("details#assess-sre-3 li[data-key]:visible").count(), 36);
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
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "textarea[textarea]", "Tab leaves the scale for the item's notes");
  await page.keyboard.type("Did this once.");
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Shift+Tab");
    if ((await focused()) === "button[button]@export") break;
  }
  assert.equal(await focused(), "button[button]@export");
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(file.suggestedFilename(), /^self-assessment-sre-1-.*\.json$/);
  const data = JSON.parse(await readFile(await file.path(), "utf8"));
  const entry = Object.values(data.ratings).find((r) => r.rating);
  assert.deepEqual([entry.rating, entry.notes], ["partly", "Did this once."]);
});
