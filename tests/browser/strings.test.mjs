// The scripts' words come from the book's strings table (issue 22): a book
// that overrides a few `search_*`, `scorecard_*` and `assess_*` keys sees
// its words in the search box, the scorecard form's checks and the
// self-assessment's result and its comparison with a file, and the
// archetype radar's title, even words with `</script>` and quotes in them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { BIN, REPO, SHOTS, serveSite, launch, newPage, shoot, download } from "./lib.mjs";

const HOSTILE = 'Rien pour « {query} » </script><b>x</b> "q"';
const STRINGS = {
  search_no_results: HOSTILE,
  search_results_other: "{n} résultats, choisissez avec les flèches",
  scorecard_need_candidate: "Saisissez le nom du candidat.",
  scorecard_need_rating: "Notez au moins une dimension.",
  scorecard_problems_other: "Pas encore exporté : {n} points à corriger.",
  scorecard_not_exported: "Non exporté : {problems}.",
  assess_none_head: "Pas encore évalué",
  assess_partly: "En partie",
  assess_not_ready_head: "Pas encore prêt",
  // The comparison with a file, the rating scale's note and the radar's title.
  compare_with_file: "Comparer avec un fichier…",
  scale_partly: "en partie",
  assess_compare_apart_head: "Deux crans d'écart ou plus",
  assess_compare_counts_one: "{apart} attente à deux crans ou plus, {one} à un cran, {same} identiques, {neither} notées d'un seul côté <i>ou</i> d'aucun.",
  assess_compare_print: "Imprimer la comparaison",
  archetype_radar_title: "Accent de l'archétype {name}",
};

/** The bundled book in French with the words above, built; its site. */
function buildBook(work) {
  const book = join(work, "book");
  cpSync(join(REPO, "content"), join(book, "content"), { recursive: true });
  const toml = readFileSync(join(REPO, "book.toml"), "utf8").replace('language = "en"', 'language = "fr"');
  // JSON strings are valid TOML basic strings.
  const table = Object.entries(STRINGS).map(([key, text]) => `${key} = ${JSON.stringify(text)}`).join("\n");
  writeFileSync(join(book, "book.toml"), `${toml}\n[strings]\n${table}\n`);
  const site = join(work, "site");
  execFileSync(BIN, ["--quiet", "build", book, "--out", site]);
  return site;
}

let work, browser, server;
before(async () => {
  work = mkdtempSync(join(tmpdir(), "ladderbook-strings-"));
  server = await serveSite(buildBook(work));
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

async function seriousViolations(page, disabled = []) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).disableRules(disabled).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
}

test("the search box speaks the book's words, markup in them shown as text", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}index.html`);
  await page.keyboard.press("/");
  await page.keyboard.type("zzqxv");
  const note = page.locator(".search-note");
  await note.waitFor({ state: "visible" });
  await page.waitForFunction(() => !document.querySelector(".search-note").textContent.includes("…"));
  assert.equal(await note.textContent(), 'Rien pour « zzqxv » </script><b>x</b> "q"');
  assert.equal(await note.locator("b").count(), 0, "the word is text, not markup");
  await page.fill("#search-input", "");
  await page.keyboard.type("incident");
  await page.waitForSelector("#search-results [role=option]");
  assert.match(await page.textContent("#search-status"), /^\d+ résultats, choisissez avec les flèches$/);
  // The open popup scrolls but is operated from the box, as in
  // search.test.mjs ("the open combobox passes axe"): axe cannot see that.
  assert.deepEqual(await seriousViolations(page, ["scrollable-region-focusable"]), []);
  assert.deepEqual(page.errors, []);
});

test("the scorecard form's checks speak the book's words", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}scorecards/mid-sre.html`);
  await page.click('#scorecard-form [data-action="export"]');
  const summary = page.locator("#fill-errors");
  assert.equal(await summary.locator("p").textContent(), "Pas encore exporté : 3 points à corriger.");
  assert.deepEqual(await summary.locator("li").allTextContents(), [
    "Saisissez le nom du candidat.", "Enter your name as the interviewer.", "Notez au moins une dimension.",
  ]);
  assert.equal(
    await page.textContent("#scorecard-form .status"),
    "Non exporté : saisissez le nom du candidat; enter your name as the interviewer; notez au moins une dimension.",
  );
  await shoot(page, "#fill", join(SHOTS, "strings-scorecard-errors.png"));
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test("the self-assessment's result and rating words are the book's", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-3");
  assert.match(await page.textContent("#assess-summary"), /Pas encore évalué\./);
  const labels = await page.locator("#assess-form fieldset.assess-item").first().locator(".rating-option span").allTextContents();
  assert.deepEqual(labels, ["Not yet", "En partie", "Consistently", "Beyond"]);
  await page.locator("#assess-form fieldset.assess-item").first().locator('input[value="partly"]').check();
  const summary = await page.textContent("#assess-summary");
  assert.match(summary, /Pas encore prêt\./, summary);
  assert.match(summary, /1 en partie/, summary);
  assert.match(await page.textContent("#assess-gaps"), /· en partie/);
  await shoot(page, "#assess-summary", join(SHOTS, "strings-assess-result.png"));
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test("the comparison with a file, the rating scale and the radar speak the book's words", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}assess.html`);
  await page.selectOption("#assess-target", "sre-3");
  assert.equal((await page.textContent('label:has(input[data-action="compare"])')).trim(), "Comparer avec un fichier…");
  // The scale's note keeps its markup around each rating word, the book's word inside.
  assert.equal(await page.locator(".assess-page #rate-h + p strong").nth(1).textContent(), "en partie");
  const items = page.locator("#assess-form fieldset.assess-item:not(.foundation)");
  await items.nth(0).locator('input[value="beyond"]').check();
  await items.nth(1).locator('input[value="partly"]').check();
  const { text } = await download(page, '[data-action="export"]');
  const theirs = JSON.parse(text);
  const keys = Object.keys(theirs.ratings);
  theirs.ratings[keys[0]].rating = "not-yet";
  const file = join(work, "manager.json");
  writeFileSync(file, JSON.stringify(theirs));
  await page.setInputFiles('input[data-action="compare"]', file);
  await page.waitForSelector("#assess-compare:not([hidden])");
  assert.equal(await page.textContent("#assess-compare h3"), "Deux crans d'écart ou plus");
  const summary = await page.textContent("#assess-compare > p");
  assert.match(summary, /: 1 attente à deux crans ou plus, 0 à un cran, 1 identiques, \d+ notées d'un seul côté <i>ou<\/i> d'aucun\.$/, summary);
  assert.equal(await page.locator("#assess-compare > p i").count(), 0, "the word is text, not markup");
  assert.equal(await page.textContent('[data-action="print-compare"]'), "Imprimer la comparaison");
  await shoot(page, "#assess-compare", join(SHOTS, "strings-compare.png"));
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(`${server.base}archetypes/slo-guard.html`);
  assert.match(await page.textContent("svg.radar title"), /^Accent de l'archétype /);
  assert.deepEqual(page.errors, []);
});
