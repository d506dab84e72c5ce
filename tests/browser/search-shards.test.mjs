// A book with more guides than one shard of the search index holds: the
// browser loads the head and every shard (assets/search/N.js) as scripts,
// from file:// too, and finds a guide and its sections whatever shard
// holds them (a part of a page still points back at its page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SHOTS, buildBook, launch, newPage } from "./lib.mjs";

const GUIDES = 600;

/** A word only guide `i` has: letters, so no other guide's is a prefix. */
function wordOf(i) {
  return "zed" + [...String(i).padStart(3, "0")].map((d) => "abcdefghij"[Number(d)]).join("") + "word";
}

const FILES = {
  "book.toml": '[book]\ntitle = "Many guides"\n',
  "content/levels/level-1.md": "---\ntitle: Level 1\nrank: 1\n---\nLearning.\n",
  "content/competencies/impact.yaml": "name: Impact\nexpectations:\n  level-1: Delivers tasks.\n",
};
for (let i = 0; i < GUIDES; i++) {
  const n = String(i).padStart(3, "0");
  FILES[`content/pages/folder-${n.slice(0, 1)}/guide-${n}.md`] =
    `---\ntitle: Guide ${n}\n---\nThe opening of guide ${n}.\n\n## Details of ${n}\n\nThe ${wordOf(i)} lives here.\n`;
}

let browser, site, shardOf;
before(async () => {
  site = await buildBook("search-shards", FILES);
  // Which shard holds each guide, as the build wrote them.
  const shards = await readdir(join(site, "assets/search"));
  shardOf = {};
  for (const name of shards) {
    const text = await readFile(join(site, "assets/search", name), "utf8");
    for (const match of text.matchAll(/"(pages\/folder-\d\/guide-(\d{3})\.html)"/g)) shardOf[match[2]] = name;
  }
  browser = await launch();
});
after(async () => { await browser?.close(); });

test("every shard is loaded from file:// and a guide in each is found at its section", async () => {
  const shards = [...new Set(Object.values(shardOf))].sort();
  assert.deepEqual(shards, ["0.js", "1.js", "2.js", "3.js"], "600 guides make four shards");
  assert.equal(Object.keys(shardOf).length, GUIDES, "every guide is in a shard");
  const root = pathToFileURL(site).href.replace(/\/?$/, "/");
  const page = await newPage(browser);
  await page.goto(`${root}pages/folder-1/guide-100.html`);
  // One guide of each shard.
  const picks = shards.map((shard) => Object.keys(shardOf).find((n) => shardOf[n] === shard));
  for (const n of picks) {
    await page.fill("#search-input", "");
    await page.focus("#search-input");
    await page.keyboard.type(wordOf(Number(n)));
    await page.waitForSelector("#search-results [role=option]");
    const first = await page.$eval("#search-results [role=option]", (el) => ({
      href: el.getAttribute("href"),
      title: el.querySelector(".search-title").textContent,
      parent: el.querySelector(".search-parent")?.textContent ?? "",
    }));
    assert.deepEqual(first, {
      href: `../../pages/folder-${n.slice(0, 1)}/guide-${n}.html#details-of-${n}`,
      title: `Details of ${n}`,
      parent: `Guide ${n}`,
    }, `guide ${n} in shard ${shardOf[n]}`);
  }
  await page.screenshot({ path: join(SHOTS, "search-shards.png") });
  const scripts = await page.evaluate(() =>
    [...document.scripts].map((s) => s.getAttribute("src")).filter((s) => /assets\/search(-index|\/)/.test(s)));
  assert.deepEqual(scripts.map((s) => s.replace(/\?.*$/, "")).sort(), [
    "../../assets/search-index.js",
    "../../assets/search/0.js",
    "../../assets/search/1.js",
    "../../assets/search/2.js",
    "../../assets/search/3.js",
  ]);
  assert.deepEqual(page.errors, []);
  await page.close();
});
