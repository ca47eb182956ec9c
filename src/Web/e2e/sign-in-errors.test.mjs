// What goes wrong is shown where it happened: a wrong password as an alert, the API's field errors under their field.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, uniqueEmail } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

test("a wrong password shows the API's error and stays on the sign-in screen", async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();

  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /\S/);
  assert.equal(new URL(page.url()).pathname, "/sign-in");
  await screenshot(page, "sign-in-wrong-password");
});

test("a password the API refuses shows its message next to the password field", async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Workspace name").fill("Web test");
  await page.getByLabel("Your name").fill("Web Tester");
  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();

  const password = page.getByLabel("Password");
  await page.locator(".field-error").first().waitFor();
  const describedBy = await password.getAttribute("aria-describedby");
  assert.ok(describedBy, "the password field is described by its error");
  const message = await page.locator(`[id="${describedBy.split(" ")[0]}"]`).innerText();
  assert.match(message, /password/i);
  assert.equal(await password.getAttribute("aria-invalid"), "true");
  await screenshot(page, "sign-up-field-error");
});
