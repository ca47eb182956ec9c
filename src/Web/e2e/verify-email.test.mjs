// Confirming the address: the mail sent at sign-up (read from the local SMTP server the test command starts) leads to a
// page whose button confirms it; the account then says so, and the same link a second time is refused.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { accessTokenFor, baseUrl, linkMailedTo, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

async function verified(email) {
  const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${await accessTokenFor(email)}` } });
  return (await me.json()).emailVerified;
}

test("the address is confirmed through the mailed link's button, once", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const email = await signUpAndIn(page);
  assert.equal(await verified(email), false);

  const link = await linkMailedTo(email, "/verify-email");
  assert.ok(link.startsWith(baseUrl), `${link} leads to this app`);
  await page.goto(link);
  await page.getByRole("heading", { name: "Confirm your email address" }).waitFor();
  assert.equal(await verified(email), false, "opening the link alone confirms nothing");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await page.getByRole("status").filter({ hasText: "Your email address is confirmed" }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "email-verified");
  assert.equal(await verified(email), true);

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await page.getByRole("alert").waitFor();
});
