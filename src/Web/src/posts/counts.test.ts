// The composer's counts: each platform's figure as the API's content rules counted it, its problems, and whether
// saving waits. Inputs are the shapes POST /api/v1/social-accounts/content-check answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { countLines } from "./counts";

test("each platform shows its own count against its own limit, in the order the API answered", () => {
  const { lines, blocked } = countLines([
    { platform: "LinkedIn", length: 81, maxLength: 3000, violations: [] },
    // X weighs the 81-character text with a URL and an emoji as 37.
    { platform: "X", length: 37, maxLength: 280, violations: [] },
  ]);
  assert.deepEqual(lines.map((line) => [line.platform, line.label, line.over]), [["LinkedIn", "81 / 3000", false], ["X", "37 / 280", false]]);
  assert.equal(blocked, false);
});

test("one platform over its limit marks that platform with the API's reason and blocks saving", () => {
  const { lines, blocked } = countLines([
    { platform: "X", length: 281, maxLength: 280, violations: [{ field: "text", reason: "X allows at most 280 characters; this is 281." }] },
    { platform: "LinkedIn", length: 281, maxLength: 3000, violations: null },
  ]);
  assert.equal(blocked, true);
  assert.deepEqual(lines.find((line) => line.platform === "X"), { platform: "X", label: "281 / 280", over: true, reasons: ["X allows at most 280 characters; this is 281."] });
  assert.equal(lines.find((line) => line.platform === "LinkedIn")?.over, false);
});

test("a platform without a length limit shows the bare count; nothing chosen shows nothing and blocks nothing", () => {
  assert.deepEqual(countLines([{ platform: "Instagram", length: 12, violations: [] }]).lines[0].label, "12");
  assert.deepEqual(countLines([]), { lines: [], blocked: false });
});
