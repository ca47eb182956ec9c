// The team on the settings screen: an invitation double-clicked is sent once, and an admin changes a member's role and
// deactivates them, each change read back from the API.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, openBrowser, screenshot, seriousAccessibilityViolations, signUpAndIn, uniqueEmail } from "./browser.mjs";

let browser;
before(async () => (browser = await openBrowser()));
after(async () => browser?.close());

const password = "a-long-enough-password-1";

async function call(path, token, init = {}) {
  const answer = await fetch(`${baseUrl}${path}`, {
    ...init, headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  assert.ok(answer.ok, `${path}: ${answer.status} ${await answer.clone().text()}`);
  return answer.json();
}

test("a double-clicked invitation is sent once; a member's role changes and they are deactivated", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const email = await signUpAndIn(page);
  const { accessToken } = await call("/api/v1/auth/login", null, { method: "POST", body: JSON.stringify({ email, password }) });

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "Team" }).waitFor();
  const invitee = uniqueEmail();
  const form = page.getByRole("form", { name: "Invite" });
  await form.getByLabel("Email to invite").fill(invitee);
  await form.getByLabel("Role").selectOption("Viewer");
  await form.getByRole("button", { name: "Send invitation" }).dblclick();
  await page.getByText(`Invitation sent to ${invitee}`).waitFor();
  const link = await page.getByRole("status").locator("code").innerText();
  assert.match(link, /\/accept-invitation\?token=/);
  await page.getByRole("button", { name: `Revoke ${invitee}` }).waitFor();
  await page.waitForTimeout(1000);
  const pending = (await call("/api/v1/users/invitations", accessToken)).items.filter((invitation) => invitation.email === invitee);
  assert.equal(pending.length, 1, "one invitation, however fast the clicks");
  assert.equal(await page.getByRole("button", { name: `Revoke ${invitee}` }).count(), 1);
  assert.equal(await form.getByRole("alert").count(), 0);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await screenshot(page, "team-invited");

  // A member who accepted an invitation as an editor.
  const memberEmail = uniqueEmail();
  const { invitationToken } = await call("/api/v1/users/invitations", accessToken, { method: "POST", body: JSON.stringify({ email: memberEmail, role: "Editor" }) });
  const { user: member } = await call("/api/v1/auth/accept-invitation", null, {
    method: "POST", body: JSON.stringify({ invitationToken, password, displayName: "Mia Member" }),
  });
  await page.reload();
  const row = page.getByRole("row", { name: /Mia Member/ });
  await row.waitFor();

  // The first try of the change finds the access token refused (as after a laptop slept past its expiry): the app
  // refreshes the session and sends the same change, body and all, once more.
  let refusedOnce = false;
  await page.route("**/api/v1/users/*/role", (route) => {
    if (refusedOnce) return route.continue();
    refusedOnce = true;
    return route.fulfill({ status: 401, contentType: "application/problem+json", body: JSON.stringify({ title: "Unauthorized", status: 401 }) });
  });
  await row.getByLabel("Role of Mia Member").selectOption("Admin");
  const roleOf = async () => (await call("/api/v1/users?pageSize=100", accessToken)).items.find((user) => user.id === member.id);
  for (let i = 0; i < 50 && (await roleOf()).role !== "Admin"; i++) await page.waitForTimeout(200);
  assert.ok(refusedOnce, "the first try was refused");
  assert.equal((await roleOf()).role, "Admin");
  // The select shows the new role from the moment it is chosen, through the save and the list read again.
  for (let i = 0; i < 50 && (await row.getByLabel("Role of Mia Member").inputValue()) !== "Admin"; i++) await page.waitForTimeout(100);
  assert.equal(await row.getByLabel("Role of Mia Member").inputValue(), "Admin");
  await row.getByLabel("Role of Mia Member").and(page.locator(":enabled")).waitFor();
  assert.equal(await row.getByLabel("Role of Mia Member").inputValue(), "Admin");

  await row.getByRole("button", { name: "Deactivate Mia Member" }).click();
  await row.getByRole("button", { name: "Reactivate Mia Member" }).waitFor();
  assert.match(await row.innerText(), /Deactivated/);
  assert.equal((await roleOf()).isActive, false);
  await screenshot(page, "team-member-deactivated");

  // The link shown once lets the invitee name themselves, choose a password and arrive signed in.
  await page.goto(link);
  await page.getByRole("heading", { name: "Join your team" }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await page.getByLabel("Your name").fill("Ivy Invitee");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Join" }).dblclick();
  await page.getByRole("heading", { name: "Social accounts" }).waitFor();
  const people = (await call("/api/v1/users?pageSize=100", accessToken)).items.filter((user) => user.email === invitee);
  assert.equal(people.length, 1);
  assert.equal(people[0].role, "Viewer");
});
