// Fillable scorecards: fill, export, and debrief with the CLI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BIN, REPO, SHOTS, serveSite, launch, newPage, download, shoot } from "./lib.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test("a filled scorecard exports and debriefs with the committed fixtures", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}scorecards/engineering-leader.html#fill`);
  assert.equal(await page.isVisible("#scorecard-form"), true);
  await page.selectOption('select[name="interview"]', "release-review");
  const shown = await page.$$eval("fieldset.rate[data-dimension]:not(.off)", (f) => f.map((x) => x.dataset.dimension));
  assert.deepEqual(shown.sort(), ["ci-cd", "infrastructure-as-code", "security"], "only the interview's focus is rated");
  await page.fill('input[name="candidate"]', "Jane Doe");
  await page.fill('input[name="interviewer"]', "Dan Reyes");
  await page.check('input[name="rate-ci-cd"][value="strong-yes"]');
  await page.check('input[name="rate-security"][value="strong-no"]');
  await page.fill('textarea[name="notes-ci-cd"]', "Proposed canaries with automatic rollback.");
  await page.fill('textarea[name="takeaways"]', "Strong on delivery, weak on supply chain.");
  await page.check('input[name="recommendation"][value="yes"]');

  await page.reload();
  assert.equal(await page.inputValue('input[name="candidate"]'), "Jane Doe", "the draft survives a reload");
  assert.equal(await page.isChecked('input[name="rate-security"][value="strong-no"]'), true);

  const exported = await download(page, '#scorecard-form [data-action="export"]');
  assert.equal(exported.name, "scorecard-engineering-leader-release-review-jane-doe-dan-reyes.json");
  const card = JSON.parse(exported.text);
  assert.equal(card.format, "ladderbook.scorecard/1");
  assert.equal(card.interview, "release-review");
  assert.deepEqual(Object.keys(card.ratings).sort(), ["ci-cd", "infrastructure-as-code", "security"]);
  assert.equal(card.ratings["ci-cd"].rating, "strong-yes");
  assert.equal(card.ratings["infrastructure-as-code"].rating, null);
  assert.ok(card.ratings["ci-cd"].meets.length > 10, "the bar's text travels with the rating");
  assert.equal(card.book.title, "SRE & DevOps Career Ladder");
  assert.equal(card.book.version, await page.getAttribute("body", "data-version"));
  assert.equal(card.scorecard, "engineering-leader");
  assert.deepEqual([card.candidate, card.interviewer, card.recommendation], ["Jane Doe", "Dan Reyes", "yes"]);
  assert.match(card.date, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual(Object.keys(card), ["format", "book", "scorecard", "interview", "candidate", "interviewer", "date", "ratings", "takeaways", "recommendation"]);
  assert.deepEqual(Object.keys(card.ratings["ci-cd"]), ["rating", "notes", "meets", "exceeds"]);
  await shoot(page, "#fill", join(SHOTS, "scorecard.png"));

  const fixtures = join(REPO, "tests/fixtures/scorecards");
  const table = execFileSync(BIN, [
    "debrief", "--book", REPO, exported.path,
    join(fixtures, "ann-smith-incident-sim.json"),
    join(fixtures, "ben-okafor-slo-design.json"),
  ], { encoding: "utf8" });
  assert.match(table, /Debrief for Jane Doe/);
  assert.match(table, /Dan Reyes/);
  const row = (name) => table.split("\n").find((line) => line.startsWith(name)) || "";
  assert.match(row("CI/CD and release engineering"), /Strong yes \(4\)/);
  assert.match(row("Security (DevSecOps)"), /Strong no \(1\)/);
  assert.match(row("Observability"), /strong disagreement/);
  assert.match(table, /Strong on delivery, weak on supply chain\./);
  assert.match(table, /Interviews:\s+3/);
  assert.deepEqual(page.errors, []);
});

test("export asks for the missing fields instead of writing a bad file", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}scorecards/mid-sre.html`);
  let downloaded = false;
  page.on("download", () => { downloaded = true; });
  await page.click('#scorecard-form [data-action="export"]');
  assert.equal(downloaded, false);
  const summary = page.locator("#fill-errors");
  assert.equal(await summary.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "fill-errors", "the summary takes the focus");
  assert.deepEqual(await summary.locator("li").allTextContents(), [
    "Enter the candidate's name.", "Enter your name as the interviewer.", "Rate at least one dimension.",
  ]);
  assert.match(await page.textContent("#scorecard-form .status"), /^Not exported: enter the candidate's name; .*rate at least one dimension\.$/);
  const candidate = page.locator('input[name="candidate"]');
  assert.equal(await candidate.getAttribute("aria-invalid"), "true");
  assert.equal(await page.textContent(`#${await candidate.getAttribute("aria-describedby")}`), "Enter the candidate's name.");
  const visible = page.locator("fieldset.rate[data-dimension]:not(.off)").first();
  assert.equal(await page.textContent(`#${await visible.getAttribute("aria-describedby")}`), "Rate at least one dimension.");
  await shoot(page, "#fill", join(SHOTS, "scorecard-errors.png"));

  // The summary's links lead to the fields; fixing them clears the messages.
  await summary.locator("a", { hasText: "candidate" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.name), "candidate");
  await page.keyboard.type("Kim Lee");
  assert.equal(await candidate.getAttribute("aria-invalid"), null);
  assert.equal(await summary.locator("li").count(), 2);
  await page.fill('input[name="interviewer"]', "Ola Berg");
  await visible.locator("input").first().check();
  assert.equal(await summary.isVisible(), false, "all fixed");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click('#scorecard-form [data-action="export"]')]);
  assert.match(file.suggestedFilename(), /^scorecard-mid-sre-.*-kim-lee-ola-berg\.json$/);
  assert.deepEqual(page.errors, []);
});

test("the draft is kept per scorecard and can be cleared", async () => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${server.base}scorecards/senior-sre.html`);
  await page.fill('input[name="candidate"]', "Sam Park");
  await page.goto(`${server.base}scorecards/mid-sre.html`);
  assert.equal(await page.inputValue('input[name="candidate"]'), "", "another scorecard has its own draft");
  await page.goto(`${server.base}scorecards/senior-sre.html`);
  assert.equal(await page.inputValue('input[name="candidate"]'), "Sam Park");
  await page.click('#scorecard-form [data-action="clear"]');
  assert.equal(await page.inputValue('input[name="candidate"]'), "");
  assert.match(await page.inputValue('input[name="date"]'), /^\d{4}-\d\d-\d\d$/, "the date is today again");
  await page.reload();
  assert.equal(await page.inputValue('input[name="candidate"]'), "", "cleared for good");
});

test("the filled card prints alone", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}scorecards/engineering-leader.html`);
  await page.selectOption('select[name="interview"]', "incident-sim");
  await page.fill('input[name="candidate"]', "Jane Doe");
  await page.check('input[name="rate-observability"][value="yes"]');
  await page.evaluate(() => { window.print = () => { window.printedWith = document.body.className; }; });
  await page.click('#scorecard-form [data-action="print"]');
  assert.match(await page.evaluate(() => window.printedWith), /printing-filled/);
  await page.evaluate(() => document.body.classList.add("printing-filled"));
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#interviews"), false, "the kit is not printed");
  assert.equal(await page.isVisible("#fill"), true);
  assert.equal(await page.textContent('[data-fill="interview-title"]'), "Incident leadership simulation");
  assert.equal(await page.isVisible("#scorecard-form .actions"), false);
  assert.deepEqual(page.errors, []);
});

test("a scorecard can be filled and exported with the keyboard alone", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}scorecards/senior-sre.html`);
  const focusedName = () => page.evaluate(() => document.activeElement && (document.activeElement.name || document.activeElement.dataset.action || ""));
  const tabTo = async (wanted) => {
    for (let i = 0; i < 300; i++) {
      if ((await focusedName()) === wanted) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${wanted}`);
  };
  await tabTo("candidate");
  await page.keyboard.type("Kim Lee");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ola Berg");
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (((await focusedName()) || "").startsWith("rate-")) break;
  }
  await page.keyboard.press("Space");
  await tabTo("export");
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(file.suggestedFilename(), /kim-lee-ola-berg\.json$/);
});
