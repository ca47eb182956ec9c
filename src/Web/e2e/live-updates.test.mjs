// The open page follows the host without a reload: posts published or refused elsewhere change status in the posts list,
// the refusal's notification raises the unread count, marking it read lowers it (on the host too), and pausing an
// account shows on the accounts screen. The host's test fixture plans X's first create-post answer as a 429, which with
// one attempt allowed fails that post for good.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpWithX } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

async function draftForX(page, text) {
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByText("Conformance X (X)").click();
  await page.getByLabel("Text").fill(text);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();
  const href = await page.getByRole("link", { name: text }).getAttribute("href");
  return href.split("/").pop();
}

const statusOf = (page, text) => page.getByRole("row", { name: new RegExp(text) }).getByRole("cell").nth(1);

async function waitForText(locator, expected, what) {
  try {
    await locator.filter({ hasText: expected }).waitFor({ timeout: 30_000 });
  } catch (error) {
    throw new Error(`${what} never showed "${expected}"; it showed "${await locator.innerText().catch(() => "nothing")}"`, { cause: error });
  }
}

test("post outcomes, notifications and account health arrive in the open page without a reload", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const { headers, accountId } = await signUpWithX(page);
  const api = (path, init = {}) => fetch(`${baseUrl}/api/v1${path}`, { headers, ...init });

  const refused = await draftForX(page, "Refused while watching");
  const published = await draftForX(page, "Published while watching");
  await page.locator(".shell[data-live='open']").waitFor();
  // Marks this document: a reload or a full navigation would lose it.
  await page.evaluate(() => (window.stillTheSamePage = true));
  const bell = page.getByRole("button", { name: /^Notifications/ });
  assert.equal(await bell.innerText(), "Notifications", "a new workspace has nothing unread");

  // Published elsewhere (the API, as another tab or an integration would): the list follows, refused first, then published.
  assert.equal((await api(`/posts/${refused}/publish`, { method: "POST" })).status, 202);
  await waitForText(statusOf(page, "Refused while watching"), "Failed", "The refused post's row");
  assert.equal((await api(`/posts/${published}/publish`, { method: "POST" })).status, 202);
  await waitForText(statusOf(page, "Published while watching"), "Published", "The published post's row");

  // The refusal's notification is counted, listed first, and marking it read clears the count here and on the host.
  await waitForText(bell, "1 unread", "The notifications button");
  await page.getByRole("status").filter({ hasText: "New notification: A post to X did not go out" }).waitFor({ state: "attached" });
  await bell.click();
  const list = page.getByRole("dialog", { name: "Notifications" });
  const first = list.getByRole("listitem").first();
  await waitForText(first, "A post to X did not go out", "The newest notification");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "live-notifications");
  await list.getByRole("button", { name: "Mark read: A post to X did not go out" }).click();
  await list.getByRole("button", { name: /^Mark read/ }).waitFor({ state: "detached" });
  await page.keyboard.press("Escape");
  assert.equal(await bell.innerText(), "Notifications");
  const onHost = await (await api("/notifications")).json();
  assert.equal(onHost.items.length, 1);
  assert.notEqual(onHost.items[0].readAt, null, "the host has it read");

  // A pause made elsewhere shows on the accounts screen, which was already open.
  await page.getByRole("link", { name: "Accounts" }).click();
  const health = page.getByRole("row", { name: /Conformance X/ }).getByRole("cell").nth(4);
  await waitForText(health, "Healthy", "The account's publishing health");
  const pause = await api(`/posts/account-health/${accountId}/pause`, { method: "POST", body: JSON.stringify({ reason: "Checking the brand voice" }) });
  assert.equal(pause.status, 200);
  await waitForText(health, "Paused", "The account's publishing health");

  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, "the page was never reloaded");
});
