// The posts list: a page at a time, narrowed by status, both kept in the address across a reload.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpWithX } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

test("page through 31 posts and narrow them to the drafts", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const { headers, accountId } = await signUpWithX(page);
  const posts = Array.from({ length: 30 }, (_, n) => ({
    title: `Scheduled ${n}`, content: `Post ${n}`, type: "text", targets: [{ accountId }], scheduledAt: `${day}T${String(6 + (n % 12)).padStart(2, "0")}:${String(n).padStart(2, "0")}`, timeZone: "UTC",
  }));
  assert.equal((await fetch(`${baseUrl}/api/v1/posts/bulk`, { method: "POST", headers, body: JSON.stringify({ posts }) })).status, 201);
  const draft = await fetch(`${baseUrl}/api/v1/posts`, { method: "POST", headers, body: JSON.stringify({ title: "Only draft", content: "Later", type: "text", targets: [{ accountId }] }) });
  assert.equal(draft.status, 201, await draft.clone().text());

  await page.getByRole("link", { name: "Posts" }).click();
  await page.getByText("31 posts").waitFor();
  await page.getByText("Page 1 of 2").waitFor();
  assert.equal(await page.locator("tbody tr").count(), 25);
  await page.getByRole("button", { name: "Older" }).click();
  await page.getByText("Page 2 of 2").waitFor();
  await page.locator("tbody tr").nth(6).waitFor({ state: "detached" });
  assert.equal(await page.locator("tbody tr").count(), 6);
  assert.equal(new URL(page.url()).searchParams.get("page"), "2");

  await page.getByLabel("Status").selectOption("Draft");
  await page.getByText("1 post", { exact: true }).waitFor();
  await page.locator("tbody tr").nth(1).waitFor({ state: "detached" });
  assert.equal(await page.locator("tbody tr").count(), 1);
  assert.match(await page.locator("tbody tr").innerText(), /Only draft/);
  await page.reload();
  await page.getByRole("link", { name: "Only draft" }).waitFor();
  assert.equal(await page.getByLabel("Status").inputValue(), "Draft");
  assert.equal(await page.getByRole("navigation", { name: "Pages" }).count(), 0);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "posts-drafts");
});
