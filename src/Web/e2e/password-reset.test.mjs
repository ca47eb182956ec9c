// A forgotten password: asked for from the sign-in screen, the mail's link (read from the local SMTP server the test
// command starts) leads to a new password; the old one stops working, and the link works only once.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, linkMailedTo, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

async function signInStatus(email, password) {
  const answer = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }),
  });
  return answer.status;
}

test("a forgotten password is replaced through the mailed link, which works once", async () => {
  const signedUp = await browser.newPage();
  signedUp.setDefaultTimeout(60_000);
  const email = await signUpAndIn(signedUp);
  await signedUp.close();

  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await page.getByRole("status").filter({ hasText: `If ${email} belongs to an account` }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "password-reset-asked");

  const link = await linkMailedTo(email, "/reset-password");
  assert.ok(link.startsWith(baseUrl), `${link} leads to this app`);
  await page.goto(link);
  await page.getByLabel("New password").fill("a-brand-new-password-2");
  await page.getByRole("button", { name: "Change the password" }).click();
  await page.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "password-reset-done");
  assert.equal(await signInStatus(email, "a-long-enough-password-1"), 401);
  assert.equal(await signInStatus(email, "a-brand-new-password-2"), 200);

  // The same link a second time changes nothing and says so.
  await page.goto(link);
  await page.getByLabel("New password").fill("a-third-password-3");
  await page.getByRole("button", { name: "Change the password" }).click();
  await page.getByRole("alert").waitFor();
  assert.equal(await signInStatus(email, "a-third-password-3"), 401);
});
