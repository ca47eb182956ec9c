// Analytics for a new workspace: the screen loads its charting code only when opened, shows its totals and empty
// states, filters by platform, and exports the period as CSV with the API's header row.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const scriptsLoaded = (page) => page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));

test("analytics loads on demand, shows empty states and exports CSV", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await signUpAndIn(page);
  const before = await scriptsLoaded(page);
  assert.equal(before.some((name) => /Analytics/.test(name)), false, "the charts are not part of the first load");

  await page.getByRole("link", { name: "Analytics" }).click();
  await page.getByRole("heading", { name: "Analytics" }).waitFor();
  assert.equal((await scriptsLoaded(page)).some((name) => /Analytics/.test(name)), true, "the screen's code arrives when it is opened");
  await page.getByText("No published posts have figures in this period yet.").waitFor();
  await page.getByText("No posts to rank in this period.").waitFor();
  await page.getByText("Not enough published posts yet to suggest times.").waitFor();
  assert.match(await page.locator(".totals").innerText(), /Posts measured\s+0/);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "analytics-empty");

  await page.getByLabel("Platform").selectOption("LinkedIn");
  await page.getByText("No published posts have figures in this period yet.").waitFor();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await file.path(), "utf8");
  assert.match(csv.split(/\r?\n/)[0], /platform/i, "the API's header row");

  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "analytics-360");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "no sideways scroll at 360 px");
});
