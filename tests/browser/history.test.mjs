// Ladder history in the site (issue 17): a book in a git repository with two
// tagged releases and `[history]`. The release page shows the diff word by
// word, a level page marks what the latest release changed and links to it,
// and a self-assessment exported against the older release is carried onto
// the newer ladder (a reworded expectation keeps its rating, marked for a
// second look; a moved one follows its text). Pages stay axe clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import AxeBuilder from "@axe-core/playwright";
import { BIN, SHOTS, serveSite, launch, newPage, shoot, download } from "./lib.mjs";

const LEVELS = {
  "content/levels/l1.md": "---\ntitle: Engineer\ncode: L1\nrank: 1\n---\nLearning the craft.\n",
  "content/levels/l2.md": "---\ntitle: Senior engineer\ncode: L2\nrank: 2\n---\nOwns problems end to end.\n",
};

// v1 → v2: A is reworded, D moves from L2 to L1, E is new at L2.
const V1 = `name: Delivery
expectations:
  l1:
    - Ships small changes with tests.
    - Asks for review early.
  l2:
    - Plans a feature into milestones.
    - Writes the incident review after an outage.
`;
const V2 = `name: Delivery
expectations:
  l1:
    - Ships small changes with tests and a rollback plan.
    - Asks for review early.
    - Writes the incident review after an outage.
  l2:
    - Plans a feature into milestones.
    - Mentors a new joiner through their first release.
`;
const CONFIG = '[book]\ntitle = "Delivery ladder"\n\n[ladder]\nexpectations = "cumulative"\n';

let server, browser, base, oldSite, siteDir;

function git(dir, ...args) {
  execFileSync("git", args, {
    cwd: dir,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.org" },
    stdio: "ignore",
  });
}

async function write(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "lb-history-"));
  const book = join(dir, "book");
  await write(book, { ...LEVELS, "book.toml": CONFIG, "content/competencies/delivery.yaml": V1 });
  git(book, "init", "-q", "-b", "main");
  git(book, "add", "-A");
  git(book, "commit", "-q", "-m", "v1");
  git(book, "tag", "v1");
  // The site people used at v1, where the assessment below is exported.
  oldSite = join(dir, "v1-site");
  execFileSync(BIN, ["--quiet", "build", book, "--out", oldSite]);
  await write(book, { "book.toml": CONFIG + '\n[history]\nreleases = ["v1", "v2"]\n', "content/competencies/delivery.yaml": V2 });
  git(book, "add", "-A");
  git(book, "commit", "-q", "-m", "v2");
  git(book, "tag", "v2");
  const site = join(dir, "site");
  siteDir = site;
  execFileSync(BIN, ["--quiet", "build", book, "--out", site]);
  server = await serveSite(dir);
  base = server.base;
  browser = await launch();
});
after(async () => { await browser.close(); await server.close(); });

async function axeClean(page, what) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${what}: ${v.id}: ${v.help}`), []);
}

for (const scheme of ["light", "dark"]) {
  test(`a release page shows the changes word by word and links back (${scheme})`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    await page.goto(`${base}site/changes/index.html`);
    assert.deepEqual(await page.locator(".release-name").allTextContents(), ["Release v2", "Release v1"]);
    await shoot(page, "main", join(SHOTS, `history-index-${scheme}.png`));
    await axeClean(page, "changes/index.html");
    await page.click("text=Release v2");
    assert.match(page.url(), /changes\/v2\.html$/);
    const reworded = page.locator("#l1--delivery li", { hasText: "Reworded" });
    assert.equal(await reworded.locator("ins").textContent(), " and a rollback plan");
    const moved = page.locator("#l1--delivery li", { hasText: "Moved here from L2" });
    assert.match(await moved.textContent(), /now expected earlier/);
    assert.match(await page.locator("#l2--delivery").textContent(), /New\s+Mentors a new joiner/);
    await shoot(page, "main", join(SHOTS, `history-release-${scheme}.png`));
    await axeClean(page, "changes/v2.html");
    // Readable in print: the insertions stay visible without colour.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".topbar").isVisible(), false);
    assert.equal(await page.locator("ins").first().evaluate((e) => getComputedStyle(e).textDecorationLine), "underline");
    assert.deepEqual(page.errors, []);
  });
}

test("a level page marks the latest release's changes and links to them", async () => {
  const page = await newPage(browser);
  await page.goto(`${base}site/levels/l1.html`);
  const marks = page.locator("#delivery .release-mark");
  assert.deepEqual(await marks.allTextContents(), ["Reworded in v2", "Moved here in v2"]);
  assert.match(await page.textContent(".marks-note"), /latest release/);
  await shoot(page, "#expectations", join(SHOTS, "history-level.png"));
  await axeClean(page, "levels/l1.html");
  await marks.first().click();
  assert.match(page.url(), /changes\/v2\.html#l1--delivery$/);
  assert.equal(await page.locator("#l1--delivery").evaluate((e) => getComputedStyle(e).backgroundColor !== "rgba(0, 0, 0, 0)"), true, "the change is highlighted as the target");
  assert.deepEqual(page.errors, []);
});

test("from file:// the Changes section, a release and a marked level link to each other", async () => {
  const page = await newPage(browser);
  await page.goto(`file://${siteDir}/index.html`);
  await page.click(".topnav >> text=Changes");
  assert.match(page.url(), /^file:.*\/changes\/index\.html$/);
  await page.click("text=Release v2");
  await page.click("#level-l1 >> text=Open the level");
  assert.match(page.url(), /^file:.*\/levels\/l1\.html$/);
  await page.click("#delivery .release-mark >> nth=1");
  assert.match(page.url(), /^file:.*\/changes\/v2\.html#l1--delivery$/);
  assert.deepEqual(page.errors, []);
});

test("an assessment exported against v1 is carried onto v2 by the release's key map", async () => {
  const page = await newPage(browser);
  // At v1: rate every L2 expectation (L1's are inherited in this book).
  await page.goto(`${base}v1-site/assess.html`);
  await page.selectOption("#assess-target", "l2");
  const items = page.locator("#assess-form fieldset.assess-item");
  assert.equal(await items.count(), 4);
  for (const [text, rating] of [["Ships small changes", "beyond"], ["Asks for review", "partly"], ["Plans a feature", "consistently"], ["Writes the incident review", "beyond"]]) {
    await items.filter({ hasText: text }).locator(`input[value="${rating}"]`).check();
  }
  const exported = await download(page, '[data-action="export"]');
  // At v2: import it.
  await page.goto(`${base}site/assess.html`);
  await page.setInputFiles('input[data-action="import"]', exported.path);
  const now = page.locator("#assess-form fieldset.assess-item");
  assert.equal(await now.count(), 5);
  const rated = async (text) => now.filter({ hasText: text }).locator("input:checked").getAttribute("value");
  assert.equal(await rated("and a rollback plan"), "beyond", "the reworded expectation keeps its rating");
  assert.equal(await rated("Writes the incident review"), "beyond", "the moved expectation keeps its rating");
  assert.equal(await rated("Asks for review"), "partly");
  assert.equal(await now.filter({ hasText: "Mentors a new joiner" }).locator("input:checked").count(), 0);
  const recheck = now.filter({ hasText: "and a rollback plan" }).locator(".recheck-mark");
  assert.equal(await recheck.textContent(), "reworded, please re-check");
  assert.equal(await page.locator(".recheck-mark").count(), 1);
  const notice = await page.textContent("#assess-notice");
  assert.match(notice, /Made against release v1/);
  assert.match(notice, /Reworded, please re-check \(1\)/);
  assert.match(notice, /Moved to this level \(1\)/);
  assert.match(notice, /Added \(1\)/);
  assert.doesNotMatch(notice, /Removed \(/);
  await shoot(page, "#assess-notice", join(SHOTS, "history-import-notice.png"));
  await shoot(page, "#assess-form", join(SHOTS, "history-import-form.png"));
  await axeClean(page, "assess.html after import");
  // Rating it again is the re-check: the mark goes, and stays gone.
  await now.filter({ hasText: "and a rollback plan" }).locator('input[value="consistently"]').check();
  assert.equal(await page.locator(".recheck-mark").count(), 0);
  await page.reload();
  assert.equal(await page.locator(".recheck-mark").count(), 0);
  assert.deepEqual(page.errors, []);
});
