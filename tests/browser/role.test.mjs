// The role page (issue 23): a job posting made from the ladder, with its
// schema.org JobPosting as JSON-LD, readable on screen and in print, and
// without serious accessibility violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serveSite, launch, newPage, SHOTS } from "./lib.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
}

test("the roles are in the navigation and their list links each posting", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}index.html`);
  await page.click('.topnav a:has-text("Roles")');
  assert.match(page.url(), /roles\/index\.html$/);
  assert.equal(await page.getAttribute('.topnav a:has-text("Roles")', "aria-current"), "page");
  const titles = await page.locator(".role-card h2 a").allTextContents();
  assert.ok(titles.includes("Senior Site Reliability Engineer, SLOs and Observability"), titles.join(" | "));
  await page.click('.role-card h2 a:has-text("Senior Site Reliability")');
  assert.match(page.url(), /roles\/senior-sre\.html$/);
  assert.deepEqual(page.errors, []);
});

test("a role page shows the ladder's sections and carries a JobPosting", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}roles/senior-sre.html`);
  const headings = await page.locator("main h2").allTextContents();
  for (const heading of ["What you will do", "What we look for", "How we interview", "Salary"]) {
    assert.ok(headings.includes(heading), `${heading} in ${headings.join(" | ")}`);
  }
  // The archetype's heaviest competency leads "What we look for".
  assert.equal(await page.locator(".role-qualities li strong").first().textContent(), "SLOs, error budgets and toil");
  // The link to the full level works from the page's own folder.
  await page.click(".role-more a");
  assert.match(page.url(), /levels\/sre-3\.html$/);
  await page.goBack();
  const json = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(json["@type"], "JobPosting");
  assert.equal(json.title, "Senior Site Reliability Engineer, SLOs and Observability");
  assert.equal(json.jobLocationType, "TELECOMMUTE");
  assert.deepEqual(json.applicantLocationRequirements.map((c) => c.name), ["DE", "NL", "PL"]);
  assert.equal(json.baseSalary.value.minValue, 80000);
  assert.deepEqual(page.errors, []);
});

for (const scheme of ["light", "dark"]) {
  for (const path of ["roles/index.html", "roles/senior-sre.html", "roles/engineering-leader.html"]) {
    test(`${path} (${scheme}) has no serious accessibility violations`, async () => {
      const page = await newPage(browser, { colorScheme: scheme });
      await page.goto(`${server.base}${path}`);
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(page.errors, []);
    });
  }
}

test("screenshots of a role page on screen, on a phone and in print", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}roles/engineering-leader.html`);
  await page.screenshot({ path: join(SHOTS, "role-screen.png"), fullPage: false });
  await page.screenshot({ path: join(SHOTS, "role-screen-full.png"), fullPage: true });
  const dark = await newPage(browser, { colorScheme: "dark" });
  await dark.goto(`${server.base}roles/senior-sre.html`);
  await dark.screenshot({ path: join(SHOTS, "role-dark.png"), fullPage: false });
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${server.base}roles/senior-sre.html`);
  await phone.screenshot({ path: join(SHOTS, "role-phone.png"), fullPage: false });
  await page.emulateMedia({ media: "print" });
  // In print the chrome is gone and the apply link is written out.
  assert.equal(await page.isVisible(".topbar"), false);
  assert.equal(await page.isVisible(".role-apply .print-only"), true);
  assert.equal(await page.isVisible(".role-apply .button"), false);
  await page.screenshot({ path: join(SHOTS, "role-print.png"), fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10000);
  const list = await newPage(browser);
  await list.goto(`${server.base}roles/index.html`);
  await list.screenshot({ path: join(SHOTS, "roles-list.png"), fullPage: false });
  assert.deepEqual(page.errors, []);
});
