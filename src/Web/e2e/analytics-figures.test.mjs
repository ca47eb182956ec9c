// Analytics with figures collected from the platform: a post published to X, the latest figures asked for from the
// analytics screen, then X's counts (set by BrowserTests) shown in the totals, per platform and account, and top posts.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpWithX } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

test("figures X reports for a published post appear on the analytics screen", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const { headers, accountId: account } = await signUpWithX(page);
  const draft = await (await fetch(`${baseUrl}/api/v1/posts`, {
    method: "POST", headers, body: JSON.stringify({ content: "Figures, please", type: "text", targets: [{ accountId: account }] }),
  })).json();
  const published = await fetch(`${baseUrl}/api/v1/posts/${draft.id}/publish`, { method: "POST", headers });
  assert.ok(published.ok, await published.text());
  for (let i = 0; i < 150; i++) {
    const post = await (await fetch(`${baseUrl}/api/v1/posts/${draft.id}`, { headers })).json();
    if (post.status === "Published") break;
    assert.ok(!["Failed", "PartiallyPublished"].includes(post.status), JSON.stringify(post));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  await page.getByRole("link", { name: "Analytics" }).click();
  await page.getByRole("heading", { name: "Analytics" }).waitFor();
  const totals = page.locator(".totals");
  // The published post becomes tracked as its event is handled; until then a fetch finds nothing to ask about.
  for (let attempt = 0; attempt < 10 && !/Impressions\s+1000/.test(await totals.innerText()); attempt++) {
    await page.getByRole("button", { name: "Fetch the latest figures" }).click();
    await totals.filter({ hasText: /Impressions\s+1000/ }).waitFor({ timeout: 10_000 }).catch(() => {});
  }
  assert.match(await totals.innerText(), /Posts measured\s+1/);
  assert.match(await totals.innerText(), /Impressions\s+1000/);
  const engagements = Number((await totals.innerText()).match(/Engagements\s+(\d+)/)[1]);
  assert.ok(engagements > 0, `engagements ${engagements}`);
  const accountRow = page.getByRole("row", { name: /Conformance X/ });
  await accountRow.waitFor();
  assert.match(await accountRow.innerText(), new RegExp(`X\\s+${engagements}`));
  // The refresh counted the account's followers too, so a newly connected account need not wait for the daily count.
  for (let attempt = 0; attempt < 10 && !/1,204/.test(await accountRow.innerText()); attempt++) {
    await page.waitForTimeout(1000);
    await page.getByRole("button", { name: "Fetch the latest figures" }).click();
  }
  assert.match(await accountRow.innerText(), /1,204/);
  const top = page.locator(".top-posts li");
  await top.first().waitFor();
  assert.equal(await top.count(), 1);
  assert.match(await top.first().innerText(), new RegExp(`${engagements} engagements`));
  await page.getByRole("heading", { name: "X", exact: true }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "analytics-figures");
});
