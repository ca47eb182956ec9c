// Unscheduling a post from its screen: it goes back to a draft, leaves the calendar, and keeps its text.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpWithX } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

test("unschedule a post: a draft again, off the calendar", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const { headers, accountId } = await signUpWithX(page);
  const created = await fetch(`${baseUrl}/api/v1/posts/bulk`, {
    method: "POST", headers,
    body: JSON.stringify({ posts: [{ title: "Launch teaser", content: "Soon.", type: "text", targets: [{ accountId }], scheduledAt: `${day}T09:00`, timeZone: "UTC" }] }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const [postId] = (await created.json()).postIds;

  await page.goto(`${baseUrl}/calendar?view=month&date=${day}`);
  await page.locator(`td[data-date="${day}"]`).getByRole("link", { name: "Launch teaser" }).click();
  await page.getByRole("heading", { name: "Launch teaser" }).waitFor();
  assert.match(await page.locator(".post-status").innerText(), /Scheduled/);
  await page.getByRole("button", { name: "Unschedule" }).click();
  await page.locator(".post-status").filter({ hasText: "Draft" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Unschedule" }).count(), 0);
  assert.match(await page.locator(".post-content").innerText(), /Soon\./);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "post-unscheduled");

  const post = await (await fetch(`${baseUrl}/api/v1/posts/${postId}`, { headers })).json();
  assert.equal(post.status, "Draft");
  await page.goto(`${baseUrl}/calendar?view=month&date=${day}`);
  await page.getByText("Nothing scheduled or published here yet.").waitFor();
  assert.equal(await page.locator("li.entry").count(), 0);
});
