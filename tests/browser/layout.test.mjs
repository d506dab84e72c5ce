// Layout at a desktop size (issue 22): the competency matrix of a six-level
// track fits a 1280 x 800 window without sideways scrolling and prints in
// landscape; a right-to-left book is laid out mirrored, without overflow.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, REPO, SHOTS, serveSite, launch, newPage } from "./lib.mjs";

const SIXTH_LEVEL = `---
title: Distinguished Site Reliability Engineer
code: L6
track: ic
rank: 6
summary: Sets the reliability direction of the industry the company works in.
years: "15+"
---
## Scope

Industry scope: standards, open source and the company's long-term bets.
`;

/** The bundled book with a sixth level on its first track, in `language`,
 * built into a temporary folder; returns the site's folder. */
function buildSixLevelBook(work, language, extraToml = "") {
  const book = join(work, `book-${language}`);
  cpSync(join(REPO, "content"), join(book, "content"), { recursive: true });
  const toml = readFileSync(join(REPO, "book.toml"), "utf8").replace('language = "en"', `language = "${language}"`);
  writeFileSync(join(book, "book.toml"), toml + extraToml);
  writeFileSync(join(book, "content/levels/sre-6.md"), SIXTH_LEVEL);
  const site = join(work, `site-${language}`);
  execFileSync(BIN, ["--quiet", "build", book, "--out", site]);
  return site;
}

let work, browser, english, arabic;
before(async () => {
  work = mkdtempSync(join(tmpdir(), "ladderbook-layout-"));
  english = await serveSite(buildSixLevelBook(work, "en"));
  arabic = await serveSite(buildSixLevelBook(work, "ar", '\n[strings]\nnav_matrix = "المصفوفة"\nnav_levels = "المستويات"\nmatrix_title = "مصفوفة الكفاءات"\n'));
  browser = await launch();
});
after(async () => {
  await browser.close();
  await english.close();
  await arabic.close();
  rmSync(work, { recursive: true, force: true });
});

/** Sideways overflow of the page and of every scrolling region in it. */
async function overflow(page) {
  return page.evaluate(() => {
    const wide = (el) => el.scrollWidth - el.clientWidth;
    const regions = [...document.querySelectorAll(".table-scroll, .table-wide")].map((el) => ({ label: el.getAttribute("aria-label"), over: wide(el) }));
    return { page: wide(document.documentElement), regions: regions.filter((r) => r.over > 0) };
  });
}

test("the matrix of six levels fits a 1280 x 800 window without sideways scrolling", async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${english.base}matrix.html`);
  const levels = await page.locator("#track-ic thead th").count();
  assert.equal(levels, 7, "the competency column and six levels");
  assert.deepEqual(await overflow(page), { page: 0, regions: [] });
  // The first column stays in view and cells wrap rather than widen.
  const first = await page.locator("#track-ic tbody th[scope=row]").first().evaluate((el) => getComputedStyle(el).position);
  assert.equal(first, "sticky");
  const cell = await page.locator("#track-ic tbody td:not(.empty)").first().evaluate((el) => getComputedStyle(el).whiteSpace);
  assert.equal(cell, "normal");
  await page.screenshot({ path: join(SHOTS, "matrix-six-levels-1280.png") });
  assert.deepEqual(page.errors, []);
});

test("the matrix prints on landscape pages", async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${english.base}matrix.html`);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const boxes = [...pdf.matchAll(/\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length > 0, "the PDF has pages");
  for (const [width, height] of boxes) assert.ok(width > height, `a page of ${width} x ${height} is not landscape`);
});

test("a right-to-left book is mirrored and does not overflow", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const page = await newPage(browser, { viewport });
    for (const path of ["index.html", "levels/sre-3.html", "matrix.html", "competencies/incident-management.html", "scorecards/engineering-leader.html", "assess.html", "pages/index.html"]) {
      await page.goto(`${arabic.base}${path}`);
      assert.equal(await page.getAttribute("html", "dir"), "rtl", path);
      const { page: pageOver, regions } = await overflow(page);
      assert.equal(pageOver, 0, `${path} at ${viewport.width} px overflows the window`);
      // On a phone, wide tables scroll in their own region, as in English.
      if (viewport.width >= 1280) assert.deepEqual(regions, [], `${path} at ${viewport.width} px`);
    }
    assert.deepEqual(page.errors, []);
  }
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${arabic.base}levels/sre-3.html`);
  const side = await page.locator(".sidebar").boundingBox();
  const main = await page.locator("main").boundingBox();
  assert.ok(side.x > main.x, "the sidebar is on the right of the text");
  const brand = await page.locator(".brand").boundingBox();
  assert.ok(brand.x > 640, "the book's title starts the top bar on the right");
  const list = await page.locator("#expectations ul").first().evaluate((el) => getComputedStyle(el).paddingRight);
  assert.notEqual(list, "0px", "lists are indented from the right");
  assert.equal(await page.locator(".topnav a").first().textContent(), "المصفوفة");
  // The arrow to the level below points right, the way back in this script.
  assert.match(await page.locator(".page-head .meta a").first().textContent(), /^→ /);
  await page.screenshot({ path: join(SHOTS, "rtl-level-1280.png") });
  await page.goto(`${arabic.base}matrix.html`);
  const corner = await page.locator("#track-ic thead th.corner").boundingBox();
  const lastLevel = await page.locator("#track-ic thead th").last().boundingBox();
  assert.ok(corner.x > lastLevel.x, "the competency column is on the right");
  await page.screenshot({ path: join(SHOTS, "rtl-matrix-1280.png") });
  await page.goto(`${arabic.base}scorecards/engineering-leader.html#fill`);
  await page.screenshot({ path: join(SHOTS, "rtl-scorecard-1280.png") });
  await page.goto(`${arabic.base}assess.html`);
  await page.selectOption("#assess-target", "sre-2");
  await page.locator("#assess-form input[type=radio]").first().check();
  await page.screenshot({ path: join(SHOTS, "rtl-assess-1280.png"), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${arabic.base}index.html`);
  await page.screenshot({ path: join(SHOTS, "rtl-home-390.png"), fullPage: false });
});
