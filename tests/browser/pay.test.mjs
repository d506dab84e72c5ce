// Published pay (issue 27): the bundled book with `[pay] publish = true`
// shows each level's band and a "Pay and progression" page, both axe clean
// in light and dark; the bundled book as shipped (unpublished) shows none.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile, cp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import AxeBuilder from "@axe-core/playwright";
import { BIN, REPO, SHOTS, serveSite, launch, newPage, shoot } from "./lib.mjs";

let published, shipped, browser;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "lb-pay-"));
  const book = join(dir, "book");
  await cp(join(REPO, "content"), join(book, "content"), { recursive: true });
  const toml = await readFile(join(REPO, "book.toml"), "utf8");
  await writeFile(join(book, "book.toml"), `${toml}\n[pay]\npublish = true\n`);
  const site = join(dir, "site");
  execFileSync(BIN, ["--quiet", "build", book, "--out", site]);
  published = await serveSite(site);
  shipped = await serveSite();
  browser = await launch();
});
after(async () => { await browser.close(); await published.close(); await shipped.close(); });

async function axeClean(page, what) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${what}: ${v.id}: ${v.help}`), []);
}

test("a level page shows its band under its title and links to every band", async () => {
  const page = await newPage(browser);
  await page.goto(`${published.base}levels/sre-2.html`);
  const band = page.locator("#pay");
  assert.ok(await band.isVisible());
  assert.equal(await band.locator("h2").textContent(), "Pay band");
  assert.match(await band.textContent(), /€62,000 – €80,000\s+per year/);
  await shoot(page, ".page-head", join(SHOTS, "pay-level.png"));
  await band.getByRole("link", { name: "The band of every level" }).click();
  await page.waitForURL(/\/pay\.html$/);
  assert.equal(await page.locator("h1").textContent(), "Pay and progression");
  assert.deepEqual(page.errors, []);
});

test("the pay and progression page lists every level with its band and its equivalent", async () => {
  const page = await newPage(browser);
  await page.goto(`${published.base}pay.html`);
  const rows = page.locator("table.pay-table tbody tr");
  assert.equal(await rows.count(), 7);
  const m1 = page.locator("#pay-mgr-1");
  assert.match(await m1.textContent(), /€94,000 – €120,000/);
  assert.match(await m1.locator("td").last().textContent(), /Staff Site Reliability Engineer/);
  assert.match(await page.locator("main").textContent(), /not legal advice/);
  assert.equal(await page.getByRole("link", { name: "How promotion works" }).getAttribute("href"), "pages/promotion.html");
  await shoot(page, "main", join(SHOTS, "pay-page.png"));
  // Readable on a phone: the table scrolls inside its region, the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: join(SHOTS, "pay-page-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${published.base}matrix.html`);
  assert.match(await page.locator("#track-ic tbody.pay-row").textContent(), /€52,000 – €64,000/);
  await shoot(page, "#track-ic .table-scroll", join(SHOTS, "pay-matrix.png"));
  assert.deepEqual(page.errors, []);
});

for (const scheme of ["light", "dark"]) {
  test(`the pay pages are axe clean (${scheme})`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    for (const path of ["levels/sre-2.html", "pay.html", "matrix.html"]) {
      await page.goto(`${published.base}${path}`);
      await axeClean(page, path);
    }
    if (scheme === "dark") {
      await page.goto(`${published.base}pay.html`);
      await shoot(page, "main", join(SHOTS, "pay-page-dark.png"));
      await page.goto(`${published.base}levels/sre-2.html`);
      await shoot(page, ".page-head", join(SHOTS, "pay-level-dark.png"));
    }
    assert.deepEqual(page.errors, []);
  });
}

test("the shipped book keeps its bands unpublished", async () => {
  const page = await newPage(browser);
  await page.goto(`${shipped.base}levels/sre-2.html`);
  assert.equal(await page.locator("#pay").count(), 0);
  const response = await page.goto(`${shipped.base}pay.html`);
  assert.equal(response.status(), 404);
});
