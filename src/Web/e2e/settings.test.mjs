// Settings: the workspace's name, time zone and locale (a refused value shown under its field), inviting and revoking
// a teammate, and two-step sign-in set up from the QR code's secret with the recovery codes shown once.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn, uniqueEmail } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

// RFC 4648 base32, as otpauth:// URIs carry the secret (https://github.com/google/google-authenticator/wiki/Key-Uri-Format).
function base32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
}

// RFC 6238 TOTP with its defaults: HMAC-SHA1, 30-second steps, 6 digits (dynamic truncation from RFC 4226 section 5.3).
function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0xf;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

test("workspace settings, invitations and two-step sign-in", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await signUpAndIn(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "Settings" }).waitFor();

  // An empty name: the API's words under the field, and the other choices stay as picked.
  const name = page.getByLabel("Workspace name");
  await name.fill("");
  await page.getByLabel("Time zone").selectOption("Europe/Paris");
  await page.getByRole("button", { name: "Save workspace" }).click();
  await page.locator(".field-error").filter({ hasText: /empty/i }).waitFor();
  assert.equal(await name.getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByLabel("Time zone").inputValue(), "Europe/Paris");
  await name.fill("Renamed workspace");
  await page.getByRole("button", { name: "Save workspace" }).click();
  await page.getByText("Saved.").waitFor();
  await page.getByRole("link", { name: "Calendar" }).click();
  await page.getByText("Times in Europe/Paris").waitFor();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "Team" }).waitFor();

  // Invite: the invitation is listed, then revoked.
  const invitee = uniqueEmail();
  await page.getByLabel("Email to invite").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText(`Invitation sent to ${invitee}.`).waitFor({ timeout: 20_000 }).catch(async (error) => {
    await screenshot(page, "settings-invite-failed");
    throw new Error(await page.locator("main").innerText(), { cause: error });
  });
  await page.getByRole("button", { name: `Revoke ${invitee}` }).waitFor();
  assert.equal(await page.getByRole("button", { name: `Revoke ${invitee}` }).count(), 1);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "settings");
  await page.getByRole("button", { name: `Revoke ${invitee}` }).click();
  await page.getByText("No invitations waiting.").waitFor();

  // Two-step sign-in: the QR code carries the secret shown beside it; a wrong code is refused under the field.
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const qr = page.getByRole("img", { name: "QR code for your authenticator app" });
  await qr.waitFor();
  const secret = (await page.locator("code.secret").innerText()).trim();
  assert.match(secret, /^[A-Z2-7]+=*$/);
  await page.getByLabel("Code from the app").fill(totp(secret) === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await page.locator(".field-error").filter({ hasText: /./ }).last().waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "settings-mfa-qr");
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codes = page.getByRole("region", { name: "Recovery codes" });
  await codes.waitFor();
  assert.ok((await codes.locator("li").count()) >= 5);
  await screenshot(page, "settings-recovery-codes");

  // Shown once: coming back says it is on, without the codes.
  await page.reload();
  await page.getByText("Two-step sign-in is on for your account.").waitFor();
  assert.equal(await page.getByRole("region", { name: "Recovery codes" }).count(), 0);

  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "settings-360");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "no sideways scroll at 360 px");
});
