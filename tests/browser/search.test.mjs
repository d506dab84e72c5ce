// Instant search in the top bar (themes/default/static/search.js): results
// as you type, keyboard and ARIA combobox behaviour, links to the exact
// section, over HTTP and from file://.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";

import { SITE, SHOTS, serveSite, launch, newPage } from "./lib.mjs";

let server;
let browser;

before(async () => {
  server = await serveSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page at `url` (its own context, closed with it). */
async function open(url, options = {}) {
  const page = await newPage(browser, options);
  page.once("close", () => page.context().close());
  await page.goto(url);
  return page;
}

const input = "#search-input";
const options = "#search-results [role=option]";

/** Types a query and waits for the results. */
async function search(page, query) {
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type(query);
  await page.waitForSelector(options);
  return page.$$eval(options, (els) =>
    els.map((el) => ({
      id: el.id,
      href: el.getAttribute("href"),
      kind: el.querySelector(".search-kind").textContent,
      title: el.querySelector(".search-title").textContent,
      parent: el.querySelector(".search-parent")?.textContent ?? "",
      excerpt: el.querySelector(".search-excerpt")?.textContent ?? "",
    })),
  );
}

/** Highlights the n-th result (0-based) with the arrow keys. */
async function highlight(page, n) {
  for (let i = 0; i < 13; i++) {
    if ((await page.getAttribute(input, "aria-activedescendant")) === `search-option-${n}`) break;
    await page.keyboard.press("ArrowDown");
  }
  assert.equal(await page.getAttribute(input, "aria-activedescendant"), `search-option-${n}`);
  assert.equal(await page.getAttribute(`#search-option-${n}`, "aria-selected"), "true");
}

/** Presses Enter and waits for the page it opens. */
async function enter(page) {
  const from = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== from), page.keyboard.press("Enter")]);
}

/** Whether the element with this id is in view, below the sticky top bar. */
function inView(page, id) {
  return page.evaluate((id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    const bar = document.querySelector(".topbar").getBoundingClientRect();
    return box.top >= bar.bottom - 1 && box.top < window.innerHeight;
  }, id);
}

test("the index loads only when search is first used", async () => {
  const page = await open(`${server.base}levels/sre-2.html`);
  assert.equal(await page.isVisible(input), true);
  const loaded = () =>
    page.evaluate(() => ({
      index: typeof window.LADDERBOOK_SEARCH,
      scripts: [...document.scripts].map((s) => s.getAttribute("src")).filter((s) => /search-index|search\/|minisearch/.test(s)),
    }));
  assert.deepEqual(await loaded(), { index: "undefined", scripts: [] });
  await page.focus(input);
  await page.waitForFunction(() => window.MiniSearch && window.LADDERBOOK_SEARCH_SHARDS?.[0]);
  const after = await loaded();
  // MiniSearch, the index's head and its one shard (the bundled book has
  // far fewer guides than a shard holds).
  assert.equal(after.scripts.length, 3, after.scripts.join());
  assert.ok(after.scripts.some((src) => /^\.\.\/assets\/search\/0\.js/.test(src)), after.scripts.join());
  assert.ok(after.scripts.every((src) => src.startsWith("../assets/")), after.scripts.join());
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("typing finds an expectation and Enter opens it at its anchor", async () => {
  const page = await open(`${server.base}levels/sre-1.html`);
  const results = await search(page, "error budget");
  assert.equal(await page.getAttribute(input, "aria-expanded"), "true");
  assert.equal(await page.getAttribute(input, "role"), "combobox");
  assert.equal(await page.getAttribute(input, "aria-controls"), "search-results");
  assert.equal(await page.getAttribute("#search-results", "role"), "listbox");
  assert.ok(results.length >= 5 && results.length <= 12, `${results.length} results`);
  const competency = results.find((r) => r.href === "../competencies/slo-practice.html");
  assert.ok(competency, "the competency is found");
  assert.equal(competency.kind, "Competency");
  assert.equal(competency.title, "SLOs, error budgets and toil");
  const target = results.findIndex((r) => r.href === "../levels/sre-3.html#slo-practice");
  assert.ok(target >= 0, JSON.stringify(results, null, 1));
  assert.equal(results[target].kind, "Expectation");
  assert.equal(results[target].parent, "Senior Site Reliability Engineer");
  assert.match(results[target].excerpt, /error budget/i);
  assert.ok(
    await page.$eval(`#${results[target].id} .search-excerpt mark`, (m) => /error|budget/i.test(m.textContent)),
    "matched words are marked",
  );

  await highlight(page, 0);
  await page.screenshot({ path: join(SHOTS, "search.png") });
  await highlight(page, target);
  await enter(page);
  assert.match(page.url(), /\/levels\/sre-3\.html#slo-practice$/);
  assert.equal(await inView(page, "slo-practice"), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a guide's section is found by its words and opened at its heading", async () => {
  const page = await open(`${server.base}index.html`);
  const results = await search(page, "tenure");
  const target = results.findIndex((r) => r.href === "pages/promotion.html#tenure-alone-does-not-promote");
  assert.ok(target >= 0, JSON.stringify(results, null, 1));
  assert.deepEqual(
    [results[target].kind, results[target].title, results[target].parent],
    ["Guide", "Tenure alone does not promote", "How promotion works"],
  );
  await highlight(page, target);
  await enter(page);
  assert.match(page.url(), /\/pages\/promotion\.html#tenure-alone-does-not-promote$/);
  assert.equal(await inView(page, "tenure-alone-does-not-promote"), true);
  await page.close();
});

test("Escape closes, and clears on a second press; Enter without a highlight opens the first", async () => {
  const page = await open(`${server.base}competencies/index.html`);
  const results = await search(page, "incident simulation");
  await page.keyboard.press("Escape");
  assert.equal(await page.getAttribute(input, "aria-expanded"), "false");
  assert.equal(await page.isVisible("#search-results"), false);
  assert.equal(await page.inputValue(input), "incident simulation");
  await page.keyboard.press("ArrowDown"); // reopens
  assert.equal(await page.isVisible("#search-results"), true);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  assert.equal(await page.inputValue(input), "");
  await page.keyboard.type("incident simulation");
  await page.waitForSelector(options);
  await enter(page);
  assert.equal(page.url(), new URL(results[0].href, `${server.base}competencies/index.html`).href);
  await page.close();
});

test("/ does not steal a key typed into a field", async () => {
  const page = await open(`${server.base}assess.html`);
  await page.evaluate(() => {
    const field = document.createElement("textarea");
    field.id = "notes";
    document.querySelector("main").prepend(field);
  });
  await page.focus("#notes");
  await page.keyboard.type("a/b");
  assert.equal(await page.inputValue("#notes"), "a/b");
  assert.equal(await page.evaluate(() => document.activeElement.id), "notes");
  await page.close();
});

test("typos and unfinished words still find results", async () => {
  const page = await open(`${server.base}index.html`);
  const results = await search(page, "postmortme");
  assert.ok(results.length > 0, "a typo still finds postmortems");
  await page.fill(input, "");
  await page.keyboard.type("obser");
  await page.waitForFunction(() => document.querySelector("#search-results [role=option] .search-title")?.textContent.startsWith("Observ"));
  await page.fill(input, "");
  await page.keyboard.type("zzzqqq");
  await page.waitForSelector(".search-note:not([hidden])");
  assert.match(await page.textContent(".search-note"), /No results/);
  assert.equal(await page.getAttribute(input, "aria-expanded"), "false");
  await page.close();
});

test("the open combobox passes axe", async () => {
  const page = await open(`${server.base}levels/sre-2.html`);
  await search(page, "on-call");
  await page.keyboard.press("ArrowDown");
  // The popup scrolls, but is operated from the box (aria-activedescendant),
  // and the highlighted result is scrolled into view: the keyboard reaches
  // every result without the popup taking focus, as the ARIA combobox
  // pattern has it. axe cannot see that.
  const result = await new AxeBuilder({ page })
    .include(".topbar")
    .disableRules(["scrollable-region-focusable"])
    .analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), []);
  await page.close();
});

test("works from file:// at any depth", async () => {
  const root = pathToFileURL(SITE).href.replace(/\/?$/, "/");
  const page = await open(`${root}pages/growth/breaking-out-of-mid-level.html`);
  const results = await search(page, "tenure");
  const target = results.findIndex((r) => r.href === "../../pages/promotion.html#tenure-alone-does-not-promote");
  assert.ok(target >= 0, JSON.stringify(results, null, 1));
  await highlight(page, target);
  await enter(page);
  assert.equal(page.url(), `${root}pages/promotion.html#tenure-alone-does-not-promote`);
  // And back from the root page to a nested one.
  await page.goto(`${root}index.html`);
  const again = await search(page, "error budget");
  const kit = again.findIndex((r) => r.href.startsWith("scorecards/") && r.href.includes("#"));
  assert.ok(kit >= 0, JSON.stringify(again, null, 1));
  await highlight(page, kit);
  await enter(page);
  assert.equal(page.url(), `${root}${again[kit].href}`);
  assert.equal(await inView(page, again[kit].href.split("#")[1]), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("on a phone the box takes the whole width and the results fit", async () => {
  const page = await open(`${server.base}levels/sre-2.html`, { viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
  await page.click(input);
  await page.keyboard.type("incident");
  await page.waitForSelector(options);
  const [box, popup] = await Promise.all([".search", ".search-popup"].map((s) => page.$eval(s, (el) => el.getBoundingClientRect().toJSON())));
  assert.ok(box.width > 330, `box ${box.width}px`);
  assert.ok(popup.left >= 0 && popup.right <= 390, JSON.stringify(popup));
  await page.screenshot({ path: join(SHOTS, "search-phone.png") });
  await page.close();
});
