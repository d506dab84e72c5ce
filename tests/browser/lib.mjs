// Shared helpers of the browser tests: the built site served over HTTP on
// 127.0.0.1 under a sub-path, and Debian's Chromium driven by playwright-core.
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, dirname, basename } from "node:path";
import { chromium } from "playwright-core";

export const SITE = process.env.LADDERBOOK_SITE;
export const BIN = process.env.LADDERBOOK_BIN;
export const REPO = process.env.LADDERBOOK_REPO;
export const SHOTS = process.env.LADDERBOOK_SHOTS || "/tmp";
if (!SITE || !BIN) throw new Error("run the browser tests through tests/browser/run.sh");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
};

/** Writes a book of `files` (path → text) into a new temporary folder
 * named after `name`, builds it, and returns the site's folder. */
export async function buildBook(name, files) {
  const dir = await mkdtemp(join(tmpdir(), `lb-${name}-`));
  const book = join(dir, "book");
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(book, path)), { recursive: true });
    await writeFile(join(book, path), text);
  }
  const site = join(dir, "site");
  execFileSync(BIN, ["--quiet", "build", book, "--out", site]);
  return site;
}

/** Serves the site's parent folder, so the site lives at /<name>/ (the
 * bundled book's site unless another built site is given). */
export async function serveSite(site = SITE) {
  const root = dirname(site);
  const prefix = `/${basename(site)}/`;
  const server = createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error("outside");
      await stat(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      response.end(await readFile(file));
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** A fresh page that fails the test on any script error. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") page.errors.push(message.text()); });
  return page;
}

/** Clicks `selector` and returns the downloaded file's text and name. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8"), path };
}

/** Screenshots one element of the page, with the sticky top bar out of the way. */
export async function shoot(page, selector, path) {
  await page.addStyleTag({ content: ".topbar { position: static !important; }" });
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const box = await page.locator(selector).first().boundingBox();
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: Math.max(0, box.x - 16), y: Math.max(0, box.y + scrollY - 16), width: box.width + 32, height: box.height + 32 },
  });
}
