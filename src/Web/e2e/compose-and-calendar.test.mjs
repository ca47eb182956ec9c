// A team in Tokyo writes one post for X and LinkedIn: live counts the way each platform counts, X's problem before
// saving, a refused time shown under its field with nothing typed lost, then the post on the calendar on its Tokyo day.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const timeZone = "Asia/Tokyo";

async function setTenantTimeZone(email) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password: "a-long-enough-password-1" }),
  });
  const { accessToken } = await login.json();
  const update = await fetch(`${baseUrl}/api/v1/tenant`, {
    method: "PATCH", headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ settings: { timeZone, locale: "en-US" } }),
  });
  assert.equal(update.status, 200, await update.text());
}

async function connect(page, platform, name) {
  await page.getByRole("button", { name: `Connect ${platform}` }).click();
  await page.getByRole("row", { name: new RegExp(name) }).waitFor();
}

// A date 40 days ahead, as Tokyo's calendar has it.
const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 40 * 86_400_000));

test("compose for X and LinkedIn, schedule in the tenant's time zone, see it on the calendar", async () => {
  const page = await browser.newPage();
  const email = await signUpAndIn(page);
  await setTenantTimeZone(email);
  await connect(page, "X", "Conformance X");
  await connect(page, "LinkedIn", "Conformance Member");

  await page.getByRole("link", { name: "New post" }).click();
  await page.getByRole("heading", { name: "New post" }).waitFor();
  await screenshot(page, "composer");
  await page.getByText("Conformance X (X)").click();
  await page.getByText("Conformance Member (LinkedIn)").click();
  const counts = page.getByRole("list", { name: "Length on each platform" });
  const countOf = (platform) => counts.getByRole("listitem").filter({ hasText: platform }).locator(".count");

  // 281 characters: one too many for X, nothing for LinkedIn; saving waits until it is fixed.
  await page.getByLabel("Text").fill("a".repeat(281));
  await countOf("X").filter({ hasText: "281 / 280" }).waitFor();
  await countOf("LinkedIn").filter({ hasText: "281 / 3000" }).waitFor();
  assert.match(await counts.innerText(), /280/);
  assert.equal(await page.getByRole("button", { name: "Save" }).isDisabled(), true);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "composer-too-long-for-x");

  // X weighs a URL as 23 and an emoji as 2; LinkedIn counts characters.
  const text = "Launch day 🚀 https://example.com/a/very/long/path/that/is/longer/than/twenty-three";
  await page.getByLabel("Text").fill(text);
  await countOf("X").filter({ hasText: `${11 + 2 + 1 + 23} / 280` }).waitFor();
  await countOf("LinkedIn").filter({ hasText: `${[...new Intl.Segmenter().segment(text)].length} / 3000` }).waitFor();

  // A time in the past: the API's refusal shows under the time field, and the text stays.
  await page.getByLabel("Publish at").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Save" }).click();
  const publishAt = page.getByLabel("Publish at");
  await page.locator(".field-error").filter({ hasText: /future/ }).waitFor();
  assert.equal(await publishAt.getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByLabel("Text").inputValue(), text);
  await screenshot(page, "composer-time-refused");

  // 08:30 in Tokyo is 23:30 UTC the day before: the calendar must show it on the Tokyo day.
  await publishAt.fill(`${day}T08:30`);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "Calendar" }).waitFor();
  const cell = page.locator(`td[data-date="${day}"]`);
  await cell.locator("li.entry").waitFor();
  assert.match(await cell.innerText(), /08:30/);
  assert.equal(await page.locator("li.entry").count(), 1);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "calendar-month");

  await page.getByRole("button", { name: "Week" }).click();
  await page.getByRole("heading", { name: /^Week of/ }).waitFor();
  await cell.locator("li.entry").waitFor();
  assert.equal(await page.locator("td").count(), 7);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "calendar-week");

  // Saved twice (the refused time, then the accepted one), yet one post.
  // The week view's cells also hold the word "Scheduled": wait for the posts table itself, matching the status exactly.
  await page.getByRole("link", { name: "Posts" }).click();
  await page.getByRole("heading", { name: "Posts", exact: true }).waitFor();
  await page.getByRole("cell", { name: "Scheduled", exact: true }).waitFor();
  assert.equal(await page.locator("tbody tr").count(), 1);
});
