// The calendar narrowed by platform, account and status: the choices live in the address, so a reload or Back keeps
// them, and a filter nothing matches says so.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn, accessTokenFor } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

async function api(path, token, init = {}) {
  const answer = await fetch(`${baseUrl}${path}`, { ...init, headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` } });
  assert.ok(answer.ok, `${path}: ${answer.status} ${await answer.clone().text()}`);
  return answer.json();
}

test("filter the calendar by platform, account and status; reload and Back keep the filters", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const email = await signUpAndIn(page);
  for (const [platform, name] of [["X", "Conformance X"], ["LinkedIn", "Conformance Member"]]) {
    await page.getByRole("button", { name: `Connect ${platform}` }).click();
    await page.getByRole("row", { name: new RegExp(name) }).waitFor();
  }
  const accessToken = await accessTokenFor(email);
  const accounts = (await api("/api/v1/social-accounts", accessToken)).items;
  const xAccount = accounts.find((account) => account.platform === "X").id;
  const linkedInAccount = accounts.find((account) => account.platform === "LinkedIn").id;
  const post = (title, accountId, time) => ({ title, content: `${title} text`, type: "text", targets: [{ accountId }], scheduledAt: `${day}T${time}`, timeZone: "UTC" });
  await api("/api/v1/posts/bulk", accessToken, { method: "POST", body: JSON.stringify({ posts: [post("On X", xAccount, "09:00"), post("On LinkedIn", linkedInAccount, "10:00")] }) });

  await page.goto(`${baseUrl}/calendar?view=month&date=${day}`);
  const cell = page.locator(`td[data-date="${day}"]`);
  await cell.getByRole("link", { name: "On LinkedIn" }).waitFor();
  assert.equal(await cell.locator("li.entry").count(), 2);

  await page.getByLabel("Platform").selectOption("linkedin");
  await cell.getByRole("link", { name: "On X" }).waitFor({ state: "detached" });
  assert.equal(await cell.locator("li.entry").count(), 1);
  assert.equal(new URL(page.url()).searchParams.get("platform"), "linkedin");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "calendar-filtered");

  await page.reload();
  await cell.getByRole("link", { name: "On LinkedIn" }).waitFor();
  assert.equal(await page.getByLabel("Platform").inputValue(), "linkedin");
  assert.equal(await cell.locator("li.entry").count(), 1);

  await page.getByLabel("Platform").selectOption("");
  await page.getByLabel("Account").selectOption(xAccount);
  await cell.getByRole("link", { name: "On X" }).waitFor();
  await cell.getByRole("link", { name: "On LinkedIn" }).waitFor({ state: "detached" });
  assert.equal(new URL(page.url()).searchParams.get("account"), xAccount);

  await page.getByLabel("Status").selectOption("Published");
  await page.getByText("No posts match these filters here.").waitFor();
  assert.equal(await cell.locator("li.entry").count(), 0);

  // Back undoes the last choice only: the account filter stays.
  await page.goBack();
  await cell.getByRole("link", { name: "On X" }).waitFor();
  assert.equal(await page.getByLabel("Status").inputValue(), "");
  assert.equal(await page.getByLabel("Account").inputValue(), xAccount);

  // Moving to the next month keeps the filters.
  await page.getByRole("button", { name: "Next" }).click();
  assert.equal(new URL(page.url()).searchParams.get("account"), xAccount);
  await page.getByRole("button", { name: "Clear filters" }).click();
  assert.equal(new URL(page.url()).searchParams.get("account"), null);

  // On a phone the filters wrap and the page itself never scrolls sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole("button", { name: "Previous" }).click();
  await cell.getByRole("link", { name: "On LinkedIn" }).waitFor();
  const wider = await page.evaluate(() => [...document.querySelectorAll("body *")]
    .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest(".scroll"))
    .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`));
  assert.deepEqual(wider, [], "nothing wider than 360 px outside a scrolling table");
  await screenshot(page, "calendar-360");
});
