// Rescheduling on the calendar: a scheduled post dragged to another day keeps its time of day there, and the same move
// is possible from the keyboard.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

// The 15th of the month after next: its neighbours are in the same month view.
const now = new Date();
const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 15));
const day = (offset) => new Date(target.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

test("drag a scheduled post to another day, then move it with the keyboard", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await signUpAndIn(page);
  await page.getByRole("button", { name: "Connect X" }).click();
  await page.getByRole("row", { name: /Conformance X/ }).waitFor();
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByText("Conformance X (X)").click();
  await page.getByLabel("Text").fill("Moves around the calendar");
  await page.getByLabel("Publish at").fill(`${day(0)}T09:15`);
  await page.getByRole("button", { name: "Save" }).click();
  const cell = (date) => page.locator(`td[data-date="${date}"]`);
  await cell(day(0)).locator("li.entry").waitFor();

  await cell(day(0)).locator("li.entry").dragTo(cell(day(1)));
  await cell(day(1)).locator("li.entry").waitFor();
  assert.equal(await cell(day(0)).locator("li.entry").count(), 0);
  assert.match(await cell(day(1)).innerText(), /09:15/, "the time of day stays");

  const later = cell(day(1)).getByRole("button", { name: /a day later/ });
  await later.focus();
  await page.keyboard.press("Enter");
  await cell(day(2)).locator("li.entry").waitFor();
  assert.match(await cell(day(2)).innerText(), /09:15/);
  assert.equal(await page.locator("li.entry").count(), 1);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "calendar-rescheduled");
});
