// The open page follows the host without a reload: posts published or refused elsewhere change status in the posts list,
// the refusal's notification raises the unread count, marking it read lowers it (on the host too), and pausing an
// account shows on the accounts screen. A dropped stream reopens from the last event it read, and signing out ends it.
// The host's test fixture plans X's first create-post answer as a 429, which with one attempt allowed fails that post for good.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { connect, createServer } from "node:net";
import { baseUrl, draftForX, openBrowser, screenshot, seriousAccessibilityViolations, signUpWithX } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

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
  await list.waitFor({ state: "detached" });
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

/** A TCP relay in front of the host whose connections can be cut, and new ones refused, as a network drop would. */
async function startRelay(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let down = false;
  const server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => (down = false),
    close: () => new Promise((resolve) => { for (const socket of sockets) socket.destroy(); server.close(resolve); }),
  };
}

test("a dropped stream reopens with the last event's id and the screen catches up; signing out closes it", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const { email, headers, accountId } = await signUpWithX(page);
  const api = (path) => fetch(`${baseUrl}/api/v1${path}`, { method: "POST", headers, body: JSON.stringify({ reason: "Quiet week" }) });
  const relay = await startRelay(baseUrl);
  try {
    // A second tab of the same person, reaching the host through the relay.
    const watching = await browser.newPage();
    watching.setDefaultTimeout(60_000);
    const streams = [];
    watching.on("request", (request) => request.url().endsWith("/api/v1/notifications/stream") && streams.push(request));
    await watching.goto(`${relay.url}/sign-in`);
    await watching.getByLabel("Email").fill(email);
    await watching.getByLabel("Password").fill("a-long-enough-password-1");
    await watching.getByRole("button", { name: "Sign in" }).click();
    await watching.locator(".shell[data-live='open']").waitFor();
    const health = watching.getByRole("row", { name: /Conformance X/ }).getByRole("cell").nth(4);
    assert.equal((await api(`/posts/account-health/${accountId}/pause`)).status, 200);
    await waitForText(health, "Paused", "The account's publishing health");
    assert.equal(streams.length, 1, "one stream for the session");
    assert.equal(await streams[0].headerValue("last-event-id"), null);

    // The connection drops; what happens meanwhile reaches the screen once the host can be reached again.
    relay.cut();
    await watching.getByRole("status").filter({ hasText: "Live updates paused" }).waitFor();
    assert.equal((await api(`/posts/account-health/${accountId}/resume`)).status, 200);
    relay.restore();
    await watching.locator(".shell[data-live='open']").waitFor();
    await waitForText(health, "Healthy", "The account's publishing health");
    const reopened = streams.at(-1);
    assert.match((await reopened.headerValue("last-event-id")) ?? "", /^\d+-\d+$/, "the reconnection resumes after the last event it read");
    assert.match((await reopened.headerValue("authorization")) ?? "", /^Bearer /);

    // Signing out ends the stream: its request fails as aborted and no new one starts.
    const ended = watching.waitForEvent("requestfailed", (request) => request === reopened);
    const opened = streams.length;
    await watching.getByRole("button", { name: "Sign out" }).click();
    await watching.getByRole("heading", { name: "Sign in" }).waitFor();
    await ended;
    await watching.waitForTimeout(4_000);
    assert.equal(streams.length, opened, "no stream is opened after signing out");
  } finally {
    await relay.close();
  }
});
