// Shared by the browser tests: Debian's Chromium driven by playwright-core, axe-core's accessibility check, screenshots.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";

export const baseUrl = process.env.PLATFORM_WEB_URL ?? "http://127.0.0.1:5080";
const screenshots = process.env.PLATFORM_WEB_SCREENSHOTS ?? new URL("./screenshots/", import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Headless, without the network chatter a first run starts (updates, sync, QUIC), in a profile of its own.
const chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// The browser and the tests' own API calls present one user agent: the host mails a sign-in from a device it has not
// seen, and the tests' calls are the same person at the same desk.
const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 platform-e2e";

export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), "platform-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: chromiumFlags,
    userAgent,
  });
  return {
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** axe-core's WCAG checks on the page as it is; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

export const uniqueEmail = () => `web-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** Signs a new user up and in through the screens; answers on the accounts screen with the email used. */
export async function signUpAndIn(page) {
  const email = uniqueEmail();
  const password = "a-long-enough-password-1";
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Workspace name").fill("Web test");
  await page.getByLabel("Your name").fill("Web Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Social accounts" }).waitFor();
  return email;
}

/** A bearer token for the API calls a test makes beside the screens (the password is the one signUpAndIn uses). */
export async function accessTokenFor(email) {
  const answer = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST", headers: { "Content-Type": "application/json", "User-Agent": userAgent }, body: JSON.stringify({ email, password: "a-long-enough-password-1" }),
  });
  return (await answer.json()).accessToken;
}

/** Signs a new user up and in and connects X through the screens; answers the headers and X account id for API calls. */
export async function signUpWithX(page) {
  const email = await signUpAndIn(page);
  await page.getByRole("button", { name: "Connect X" }).click();
  await page.getByRole("row", { name: /Conformance X/ }).waitFor();
  const headers = { "Content-Type": "application/json", Authorization: `Bearer ${await accessTokenFor(email)}` };
  const accounts = await (await fetch(`${baseUrl}/api/v1/social-accounts`, { headers })).json();
  return { email, headers, accountId: accounts.items[0].id };
}

/** Writes a draft for the connected X account through the composer; answers its id, on the posts list the composer goes to. */
export async function draftForX(page, text) {
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByText("Conformance X (X)").click();
  await page.getByLabel("Text").fill(text);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();
  return (await page.getByRole("link", { name: text }).getAttribute("href")).split("/").pop();
}

const smtp = `http://127.0.0.1:${process.env.PLATFORM_SMTP_WEB_PORT ?? "56326"}`;

/** The first link to <path> in the newest mail the local SMTP server holds for <email> whose text has one. */
export async function linkMailedTo(email, path) {
  const pattern = new RegExp(`https?://\\S+${path}\\?token=\\S+`);
  for (let i = 0; i < 150; i++) {
    const { results } = await (await fetch(`${smtp}/api/messages?pageSize=5000`)).json();
    for (const mail of results.filter((message) => message.to.some((to) => to.toLowerCase() === email.toLowerCase()))) {
      const link = (await (await fetch(`${smtp}/api/messages/${mail.id}/plaintext`)).text()).match(pattern);
      if (link) return link[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail with a ${path} link reached ${email}`);
}
