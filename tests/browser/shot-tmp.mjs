import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const p = await (await b.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
for (const [url, out, full] of JSON.parse(process.argv[2])) {
  await p.goto(url);
  await p.screenshot({ path: out, fullPage: full });
}
await b.close();
