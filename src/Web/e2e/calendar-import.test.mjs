// Importing posts from a CSV file: the preview shows each row as it would be scheduled or what is wrong with it,
// nothing is created until every row is fine, and the import (double-clicked) schedules each post once.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpWithX } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const folder = mkdtempSync(join(tmpdir(), "platform-import-"));

test("preview a CSV with a bad row, nothing created; then import a good one", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const { headers, accountId: account } = await signUpWithX(page);
  const postCount = async () => (await (await fetch(`${baseUrl}/api/v1/posts`, { headers })).json()).totalCount;

  const good = [`${day}T09:00,UTC,${account},"Morning, everyone",Morning`, `${day}T17:30,UTC,${account},Evening news,Evening`];
  const withBadRow = join(folder, "with-bad-row.csv");
  writeFileSync(withBadRow, ["scheduled_at,time_zone,accounts,content,title", ...good, `2020-01-01T09:00,UTC,${account},Too late,Past`].join("\n"));
  const allGood = join(folder, "all-good.csv");
  writeFileSync(allGood, ["scheduled_at,time_zone,accounts,content,title", ...good].join("\n"));

  await page.getByRole("link", { name: "Calendar" }).click();
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await page.getByRole("heading", { name: "Import posts from CSV" }).waitFor();
  await page.getByLabel("CSV file").setInputFiles(withBadRow);
  await page.getByText("2 of 3 rows ready").waitFor();
  const rows = page.getByRole("table", { name: "Rows to import" }).locator("tbody tr");
  assert.equal(await rows.count(), 3);
  assert.match(await rows.nth(0).innerText(), /Morning, everyone/);
  assert.match(await rows.nth(0).innerText(), /Ready/);
  assert.match(await rows.nth(2).innerText(), /scheduledAt: .*not in the future/);
  assert.equal(await page.getByRole("button", { name: /^Schedule/ }).isDisabled(), true);
  assert.equal(await postCount(), 0, "a preview creates nothing");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "import-preview-with-problems");

  await page.getByLabel("CSV file").setInputFiles(allGood);
  await page.getByText("2 of 2 rows ready").waitFor();
  await screenshot(page, "import-preview-ready");
  await page.getByRole("button", { name: "Schedule 2 posts" }).dblclick();
  await page.getByText("2 posts scheduled from the file.").waitFor();
  const cell = page.locator(`td[data-date="${day}"]`);
  await cell.getByRole("link", { name: "Evening" }).waitFor();
  assert.equal(await cell.locator("li.entry").count(), 2);
  assert.equal(await postCount(), 2, "scheduled once, however fast the clicks");
});
