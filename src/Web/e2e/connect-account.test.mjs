// Connecting X: the app sends the user to X's authorization page, X sends them back to the app's callback page, which
// finishes the connection; the account is then listed.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

test("connect X through its authorization page and the app's callback page", async () => {
  const page = await browser.newPage();
  await signUpAndIn(page);

  await page.getByRole("button", { name: "Connect X" }).click();
  await page.waitForURL((url) => url.pathname === "/accounts/callback/x");
  await page.getByText("Account connected.").waitFor();
  assert.equal(new URL(page.url()).pathname, "/accounts");
  const row = page.getByRole("row", { name: /Conformance X/ });
  await row.waitFor();
  assert.match(await row.innerText(), /Active/);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "accounts-connected");
});

test("a callback without a code says so and offers the way back", async () => {
  const page = await browser.newPage();
  await signUpAndIn(page);

  await page.goto(`${baseUrl}/accounts/callback/x?error=access_denied&error_description=The+user+declined&state=s`);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /The user declined/);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "connect-declined");
  await page.getByRole("link", { name: "Back to accounts" }).click();
  await page.getByRole("heading", { name: "Social accounts" }).waitFor();
});

test("a Facebook login managing two Pages asks which to connect and connects only that one", async () => {
  const page = await browser.newPage();
  await signUpAndIn(page);

  await page.getByRole("button", { name: "Connect Facebook" }).click();
  await page.getByText("Which accounts should the team publish to?").waitFor();
  await page.getByText("Conformance Page").waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "connect-choose-pages");
  await page.getByText("Second Page").click();
  await page.getByRole("button", { name: "Connect selected" }).click();

  await page.getByText("Account connected.").waitFor();
  await page.getByRole("row", { name: /Second Page/ }).waitFor();
  assert.equal(await page.getByRole("row", { name: /Conformance Page/ }).count(), 0);
});
