// The cached page of notifications as the live stream and the mark-read buttons change it before the host answers again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withArrival, withRead, type NotificationPage } from "./notificationPage";

const page = (ids: string[], read: string[] = []): NotificationPage => ({
  items: ids.map((id) => ({ id, kind: "PostFailed", title: `Item ${id}`, body: "", createdAt: "2026-12-07T10:00:00Z", readAt: read.includes(id) ? "2026-12-07T11:00:00Z" : null })),
  page: 1, pageSize: 3, totalCount: ids.length,
});

test("an arrival goes first, unread, counted in the total, and the page keeps its size", () => {
  const next = withArrival(page(["b", "c", "d"]), { id: "a", kind: "PostFailed", title: "Item a", body: "", createdAt: "2026-12-07T12:00:00Z" });
  assert.deepEqual(next?.items?.map((item) => [item.id, item.readAt]), [["a", null], ["b", null], ["c", null]]);
  assert.equal(next?.totalCount, 4);
});

test("an arrival already listed (a replayed event) changes nothing", () => {
  const before = page(["a", "b"], ["a"]);
  assert.equal(withArrival(before, { id: "a", kind: "PostFailed", title: "Item a" }), before);
});

test("marking one read leaves the others; marking all reads every unread one and keeps earlier read times", () => {
  const one = withRead(page(["a", "b"]), ["b"]);
  assert.deepEqual(one?.items?.map((item) => item.readAt !== null), [false, true]);
  const all = withRead(page(["a", "b"], ["a"]));
  assert.equal(all?.items?.[0].readAt, "2026-12-07T11:00:00Z");
  assert.notEqual(all?.items?.[1].readAt, null);
});

test("nothing cached yet stays nothing", () => {
  assert.equal(withArrival(undefined, { id: "a" }), undefined);
  assert.equal(withRead(undefined), undefined);
});
