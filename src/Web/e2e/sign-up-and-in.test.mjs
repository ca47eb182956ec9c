// A new user signs up, signs in and lands on the accounts screen; each screen passes axe-core with nothing serious.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, uniqueEmail } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

test("sign up, sign in, see the accounts and posts screens, sign out", async () => {
  const page = await browser.newPage();
  const blocked = [];
  page.on("console", (message) => message.type() === "error" && blocked.push(message.text()));
  const email = uniqueEmail();

  await page.goto(`${baseUrl}/sign-up`);
  await page.getByRole("heading", { name: "Create your workspace" }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "sign-up");
  await page.getByLabel("Workspace name").fill("Web test");
  await page.getByLabel("Your name").fill("Web Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password-1");
  await page.getByRole("button", { name: "Sign up" }).click();

  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();

  await page.getByRole("heading", { name: "Social accounts" }).waitFor();
  await page.getByText("No accounts connected yet").waitFor();
  assert.equal(new URL(page.url()).pathname, "/accounts");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "accounts");

  await page.getByRole("link", { name: "Posts" }).click();
  await page.getByText("No posts yet.").waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "posts");

  // A reload keeps the session: the kept refresh token is traded silently for a new access token.
  await page.reload();
  await page.getByText("No posts yet.").waitFor();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.goto(`${baseUrl}/accounts`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();

  // Nothing the app needs was refused by its Content-Security-Policy.
  assert.deepEqual(blocked.filter((text) => text.includes("Content Security Policy")), []);
});
