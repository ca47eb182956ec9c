// The event-stream parser against the cases the WHATWG standard spells out, and against text cut at awkward places,
// which is how a network hands it over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventStreamParser } from "./eventStream";

test("named events with ids, a comment and the retry hint, as the notification stream writes them", () => {
  const parser = new EventStreamParser();
  const events = parser.feed("retry: 3000\n: connected\n\nid: 1700000000000-0\nevent: post\ndata: {\"postId\":\"a\"}\n\n: heartbeat\n\n");
  assert.deepEqual(events, [{ id: "1700000000000-0", event: "post", data: "{\"postId\":\"a\"}" }]);
  assert.equal(parser.retry, 3000);
  assert.equal(parser.lastEventId, "1700000000000-0");
});

test("an event cut anywhere, even between CR and LF, comes out once and whole", () => {
  const stream = "id: 5-1\r\nevent: notification\r\ndata: {\"title\":\"Post failed\"}\r\n\r\nid: 5-2\revent: account\rdata: x\r\r";
  for (let cut = 1; cut < stream.length; cut++) {
    const parser = new EventStreamParser();
    const events = [...parser.feed(stream.slice(0, cut)), ...parser.feed(stream.slice(cut))];
    assert.deepEqual(events, [
      { id: "5-1", event: "notification", data: "{\"title\":\"Post failed\"}" },
      { id: "5-2", event: "account", data: "x" },
    ], `cut at ${cut}`);
  }
});

test("data lines join with line feeds; no event name means message; a field without a colon is empty", () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.feed("\uFEFFdata: one\ndata:two\ndata\n\n"), [{ id: "", event: "message", data: "one\ntwo\n" }]);
});

test("an id is kept for later events, an empty id clears it, and one holding NUL is ignored", () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.feed("id: 7-0\ndata: a\n\ndata: b\n\nid: 8\0\ndata: c\n\nid\ndata: d\n\n").map((event) => event.id), ["7-0", "7-0", "7-0", ""]);
  assert.equal(parser.lastEventId, "");
});

test("an event without data is not dispatched, but its id still counts; an unfinished event waits", () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.feed("id: 9-0\nevent: post\n\ndata: late"), []);
  assert.equal(parser.lastEventId, "9-0");
  assert.deepEqual(parser.feed("\n\n"), [{ id: "9-0", event: "message", data: "late" }]);
});

test("a retry that is not all digits is ignored", () => {
  const parser = new EventStreamParser();
  parser.feed("retry: 2s\n\nretry: 1500\n\nretry: -1\n\n");
  assert.equal(parser.retry, 1500);
});
