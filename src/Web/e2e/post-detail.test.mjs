// A post that X refuses: the post's screen says why in plain words with the attempts made, and a retry publishes it
// with a link to the post on X. A post whose outcome X never confirmed asks the user to check X before sending again.
// The host's test fixture plans X's answers to create-post: a 429, then a 503, then successes.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { draftForX, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

async function openDraftForX(page, text) {
  await draftForX(page, text);
  await page.getByRole("link", { name: text }).click();
  await page.getByRole("heading", { name: "On each platform" }).waitFor();
  return page.url();
}

const xRow = (page) => page.getByRole("row", { name: /Conformance X/ });

/** Waits for X's row to show a status; on a timeout the failure says what the screen showed instead. */
async function waitForStatus(page, status) {
  try {
    await xRow(page).getByText(status, { exact: true }).waitFor({ timeout: 30_000 });
  } catch (error) {
    await screenshot(page, `post-detail-not-${status.toLowerCase().replace(/ /g, "-")}`);
    throw new Error(`X's row never showed "${status}"; the screen showed: ${await page.locator("main").innerText()}`, { cause: error });
  }
}

test("a refused post shows why and publishes on retry; an unconfirmed one asks for a check first", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await signUpAndIn(page);
  await page.getByRole("button", { name: "Connect X" }).click();
  await page.getByRole("row", { name: /Conformance X/ }).waitFor();

  // First post: X answers 429, and with one attempt allowed it fails for good.
  const refused = await openDraftForX(page, "Refused by X first");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole("button", { name: "Publish now" }).click();
  await waitForStatus(page, "Failed");
  assert.match(await xRow(page).innerText(), /too many posts in a short time/);
  assert.equal(await xRow(page).getByRole("cell").nth(1).innerText(), "1");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "no sideways scroll at 360 px");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "post-detail-refused");

  // Second post: X answers 503 to the create call, so nobody knows whether it was posted.
  await openDraftForX(page, "Maybe posted on X");
  await page.getByRole("button", { name: "Publish now" }).click();
  await waitForStatus(page, "Not confirmed");
  await xRow(page).getByRole("button", { name: "Retry on X" }).click();
  const confirm = page.getByRole("group", { name: "Confirm the retry on X" });
  assert.match(await confirm.innerText(), /Check it is not already on X/);
  const sendAgain = confirm.getByRole("button", { name: "Send again" });
  assert.equal(await sendAgain.isDisabled(), true, "nothing is sent before the user says they checked");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "post-detail-unconfirmed");
  await confirm.getByText("I checked: it is not on X").click();
  await sendAgain.dblclick();
  await waitForStatus(page, "Published");
  assert.equal(await xRow(page).getByRole("link", { name: "View on X" }).count(), 1);

  // Back to the refused one: a retry now goes through and links to the post on X.
  await page.goto(refused);
  await xRow(page).getByRole("button", { name: "Retry on X" }).click();
  await waitForStatus(page, "Published");
  const link = xRow(page).getByRole("link", { name: "View on X" });
  assert.match(await link.getAttribute("href"), /^https?:\/\//);
  await screenshot(page, "post-detail-published");

  // Duplicate opens the copy, a draft; delete asks first and then removes it.
  await page.getByRole("button", { name: "Duplicate" }).click();
  await page.getByRole("button", { name: "Publish now" }).waitFor();
  assert.notEqual(page.url(), refused);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();
  await page.getByRole("link", { name: "Refused by X first" }).first().waitFor();
  assert.equal(await page.locator("tbody tr").count(), 2);
});
