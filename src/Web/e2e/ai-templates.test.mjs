// The workspace's AI templates in settings: added once however fast the clicks, a refusal shown under its field with
// nothing typed lost, edited, and deleted after a confirmation.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn, accessTokenFor } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

test("add, refuse, edit and delete an AI template", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const email = await signUpAndIn(page);
  const accessToken = await accessTokenFor(email);
  const templates = async () => (await (await fetch(`${baseUrl}/api/v1/ai/templates`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()).items;

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "AI templates" }).waitFor();
  await page.getByText("No templates yet").waitFor();
  const form = page.getByRole("form", { name: "AI template" });

  // A name longer than the API takes: its refusal sits under the name, and the prompt typed stays.
  await form.getByLabel("Template name").fill("n".repeat(101));
  await form.getByLabel("Prompt").fill("Announce {{product}} in two sentences.");
  await form.getByRole("button", { name: "Add template" }).click();
  await form.locator(".field-error").filter({ hasText: /100/ }).waitFor();
  assert.equal(await form.getByLabel("Template name").getAttribute("aria-invalid"), "true");
  assert.equal(await form.getByLabel("Prompt").inputValue(), "Announce {{product}} in two sentences.");
  await screenshot(page, "ai-template-refused");

  await form.getByLabel("Template name").fill("Launch");
  await form.getByLabel("Brand voice").fill("Warm and plain");
  await form.getByRole("button", { name: "Add template" }).dblclick();
  await page.getByText("Template Launch saved.").waitFor();
  await page.getByRole("button", { name: "Edit Launch" }).waitFor();
  await page.waitForTimeout(500);
  assert.equal((await templates()).length, 1, "added once, however fast the clicks");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);

  await page.getByRole("button", { name: "Edit Launch" }).click();
  await page.getByRole("heading", { name: "Edit Launch" }).waitFor();
  assert.equal(await form.getByLabel("Brand voice").inputValue(), "Warm and plain");
  await form.getByLabel("Brand voice").fill("Bold");
  await form.getByRole("button", { name: "Save template" }).click();
  await page.locator(".templates").getByText("Bold").waitFor();
  assert.equal((await templates())[0].brandVoice, "Bold");
  await screenshot(page, "ai-templates");

  await page.getByRole("button", { name: "Delete Launch", exact: true }).click();
  await page.getByRole("button", { name: "Delete Launch for good" }).click();
  await page.getByText("No templates yet").waitFor();
  assert.equal((await templates()).length, 0);
});
