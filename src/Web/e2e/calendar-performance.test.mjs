// The calendar's speed on loopback: a month holding 1,000 scheduled posts fetched and drawn with no task over 100 ms, then
// the Largest Contentful Paint of a cold load of that month (aim: under 1.5 s). Long tasks and LCP come from the browser's
// own PerformanceObserver ('longtask', 'largest-contentful-paint'). The figures are printed for the benchmarks page.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const password = "a-long-enough-password-1";
const now = new Date();
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)).toISOString().slice(0, 7);

async function call(path, token, init = {}) {
  const answer = await fetch(`${baseUrl}${path}`, { ...init, headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  assert.ok(answer.ok, `${path}: ${answer.status} ${await answer.clone().text()}`);
  return answer.status === 204 ? null : answer.json();
}

// Observers registered before the app's code runs, so nothing that happens during the load is missed.
const observe = () => {
  globalThis.calendarPerf = { lcp: 0, longTasks: [] };
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (globalThis.calendarPerf.lcp = entry.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => globalThis.calendarPerf.longTasks.push(entry.duration))).observe({ type: "longtask", buffered: true });
};

test("a month of 1,000 posts is fetched and drawn without a task over 100 ms, and the calendar paints within 1.5 s", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(120_000);
  const email = await signUpAndIn(page);
  await page.getByRole("button", { name: "Connect X" }).click();
  await page.getByRole("row", { name: /Conformance X/ }).waitFor();
  const { accessToken } = await (await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }),
  })).json();
  const accounts = await call("/api/v1/social-accounts", accessToken);
  const accountId = accounts.items[0].id;

  // 1,000 posts over the month, two bulk requests of 500 (the endpoint's most).
  for (let batch = 0; batch < 2; batch++) {
    const posts = Array.from({ length: 500 }, (_, index) => {
      const n = batch * 500 + index;
      const dayOfMonth = String(1 + (n % 28)).padStart(2, "0");
      const time = `${String(6 + (n % 14)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}`;
      return { title: `Post ${n}`, content: `Scheduled post number ${n}`, type: "text", targets: [{ accountId }], scheduledAt: `${month}-${dayOfMonth}T${time}`, timeZone: "UTC" };
    });
    await call("/api/v1/posts/bulk", accessToken, { method: "POST", body: JSON.stringify({ posts }) });
  }

  // The month before is opened first (a cold load, its own long tasks aside); then "Next" fetches and draws the busy month.
  await page.addInitScript(observe);
  const previous = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 15)).toISOString().slice(0, 10);
  await page.goto(`${baseUrl}/calendar?view=month&date=${previous}`);
  await page.getByRole("heading", { name: /\d{4}$/ }).waitFor();
  await page.getByRole("status").filter({ hasText: "Loading" }).waitFor({ state: "detached" });
  await page.waitForTimeout(1000);
  await page.evaluate(() => (globalThis.calendarPerf.longTasks = []));
  await page.getByRole("button", { name: "Next" }).click();
  await page.locator(`td[data-date="${month}-28"] li.entry`).first().waitFor();
  await page.waitForTimeout(1000);
  const drawn = await page.evaluate(() => globalThis.calendarPerf.longTasks);
  const longest = Math.max(0, ...drawn);
  console.log(`month with 1,000 posts fetched and drawn: ${drawn.length} long tasks, longest ${longest.toFixed(0)} ms`);

  // Each day lists at most four posts, the rest behind "+N more"; together they are the 1,000.
  const shown = await page.locator("li.entry").count();
  const more = await page.getByRole("button", { name: /more posts on/ }).allInnerTexts();
  const perCell = await page.locator("td[data-date]").evaluateAll((cells) => Math.max(...cells.map((cell) => cell.querySelectorAll("li.entry").length)));
  assert.equal(shown + more.reduce((sum, text) => sum + Number(text.match(/\d+/)[0]), 0), 1000);
  assert.ok(perCell <= 4, `a day lists ${perCell} posts`);
  assert.ok(longest <= 100, `the longest task drawing the month took ${longest} ms`);
  await screenshot(page, "calendar-1000-posts");

  // "+N more" opens the day's whole list.
  const dayCell = page.locator(`td[data-date="${month}-01"]`);
  await dayCell.getByRole("button", { name: /more posts on/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  // Post n is on day 1 + n % 28: days 1 to 20 hold 36 posts, days 21 to 28 hold 35.
  assert.equal(await dialog.getByRole("listitem").count(), 36);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "calendar-day-list");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });

  // A cold load of the busy month (the app starts again; the refresh token signs it in as a returning user) for its LCP.
  const cold = page;
  await cold.goto(`${baseUrl}/calendar?view=month&date=${month}-15`);
  await cold.locator(`td[data-date="${month}-28"] li.entry`).first().waitFor();
  await cold.waitForTimeout(500);
  const figures = await cold.evaluate(() => globalThis.calendarPerf);
  console.log(`calendar cold load: LCP ${figures.lcp.toFixed(0)} ms; ${figures.longTasks.length} long tasks, longest ${Math.max(0, ...figures.longTasks).toFixed(0)} ms (the app's own start-up included)`);
  assert.ok(figures.lcp > 0 && figures.lcp < 1500, `LCP ${figures.lcp} ms`);
});
