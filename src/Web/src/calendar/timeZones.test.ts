// The calendar in the tenant's time zone across a daylight-saving change (Europe/London moved to BST on 2026-03-29 at
// 01:00 UTC; America/New_York to EDT on 2026-03-08 at 07:00 UTC): which day a post shows on, its time, and where a
// post dragged to another day lands.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, daysOf, rangeAround, timeIn, todayIn } from "./days";
import { dayIn, movedTo } from "./reschedule";

test("a post late in the evening UTC shows on the next day in Tokyo and on the same day in New York", () => {
  assert.equal(dayIn("Asia/Tokyo", "2026-03-07T23:30:00Z"), "2026-03-08");
  assert.equal(dayIn("America/New_York", "2026-03-07T23:30:00Z"), "2026-03-07");
  assert.equal(timeIn("Asia/Tokyo", "2026-03-07T23:30:00Z"), "08:30");
});

test("the same UTC hour is a different wall-clock hour once London moves to summer time", () => {
  assert.equal(timeIn("Europe/London", "2026-03-28T09:00:00Z"), "09:00");
  assert.equal(timeIn("Europe/London", "2026-03-29T09:00:00Z"), "10:00");
  // 00:30 UTC on the change day is still 00:30 GMT; 01:30 UTC is 02:30 BST: both on the 29th.
  assert.equal(dayIn("Europe/London", "2026-03-29T00:30:00Z"), "2026-03-29");
  assert.equal(timeIn("Europe/London", "2026-03-29T01:30:00Z"), "02:30");
  // In the autumn 23:30 UTC is already the next day while BST lasts, and not once it is over.
  assert.equal(dayIn("Europe/London", "2026-10-24T23:30:00Z"), "2026-10-25");
  assert.equal(dayIn("Europe/London", "2026-10-25T23:30:00Z"), "2026-10-25");
});

test("a post dragged across the change keeps its time of day, not its distance in hours", () => {
  // 09:00 GMT on Friday the 27th, moved to Monday the 30th: 09:00 BST, which is 08:00 UTC.
  assert.equal(movedTo("Europe/London", "2026-03-27T09:00:00Z", "2026-03-30"), "2026-03-30T09:00");
  // 09:00 EST (14:00 UTC) moved over New York's change stays 09:00.
  assert.equal(movedTo("America/New_York", "2026-03-06T14:00:00Z", "2026-03-09"), "2026-03-09T09:00");
});

test("the month with the change has whole weeks and 23- and 25-hour days do not shift the grid", () => {
  const march = daysOf("month", "2026-03-15");
  assert.equal(march.length % 7, 0);
  assert.equal(march[0], "2026-02-23");
  assert.ok(march.includes("2026-03-29") && march.includes("2026-03-30"));
  assert.equal(new Set(march).size, march.length);
  assert.equal(addDays("2026-03-28", 2), "2026-03-30");
  assert.deepEqual(daysOf("week", "2026-10-25"), ["2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25"]);
});

test("the range asked of the API covers the shown days in every zone, and today is the tenant's today", () => {
  const range = rangeAround(daysOf("week", "2026-03-29"));
  assert.deepEqual(range, { from: "2026-03-22T00:00:00Z", to: "2026-03-31T00:00:00Z" });
  assert.equal(todayIn("Pacific/Kiritimati", new Date("2026-03-29T11:00:00Z")), "2026-03-30");
  assert.equal(todayIn("Pacific/Pago_Pago", new Date("2026-03-29T10:00:00Z")), "2026-03-28");
});
