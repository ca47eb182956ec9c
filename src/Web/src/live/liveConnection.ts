import { refreshSession } from "../api/client";
import { session } from "../auth/session";
import { EventStreamParser, type ServerSentEvent } from "./eventStream";

export type LiveState = "connecting" | "open" | "reconnecting" | "closed";

export type LiveHandlers = {
  onEvent(event: ServerSentEvent): void;
  /** Called each time the stream opens; `afterGap` unless it is the first try, when the screens' answers are as fresh as the stream. */
  onOpen(afterGap: boolean): void;
  onState(state: LiveState): void;
};

const streamPath = "/api/v1/notifications/stream";
const firstDelay = 3_000;
const longestDelay = 60_000;

/**
 * Keeps one stream of the signed-in user's live events open until `signal` aborts or the session ends. A browser's
 * EventSource cannot send the bearer token, so this reads the response of a fetch. A dropped stream is opened again after
 * a growing, jittered delay, sending the last event's id so the host replays what was missed; an expired access token
 * is refreshed as the API client does, and a refresh that fails ends the session and with it the stream.
 */
export async function keepLiveStream(handlers: LiveHandlers, signal: AbortSignal): Promise<void> {
  let lastEventId = "";
  let retry = firstDelay;
  let failures = 0;
  let attempts = 0;
  let refreshedFor401 = false;
  while (!signal.aborted) {
    handlers.onState(attempts++ === 0 ? "connecting" : "reconnecting");
    const token = session.accessToken ?? ((await refreshSession()) ? session.accessToken : null);
    if (!token || signal.aborted) break;
    let response: Response | undefined;
    try {
      response = await fetch(streamPath, {
        headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream", ...(lastEventId && { "Last-Event-ID": lastEventId }) },
        cache: "no-store",
        signal,
      });
    } catch {
      // Offline, or the host is restarting: try again after the delay below.
    }
    if (response?.status === 401 && !refreshedFor401) {
      refreshedFor401 = true;
      if (await refreshSession()) continue;
      break;
    }
    if (response?.status === 401 || response?.status === 403) break;
    // The host no longer knows the id (malformed): start afresh; the screens refetch on reopening anyway.
    if (response?.status === 400) lastEventId = "";
    if (response?.ok && response.body) {
      refreshedFor401 = false;
      failures = 0;
      handlers.onState("open");
      handlers.onOpen(attempts > 1);
      const parser = new EventStreamParser();
      parser.lastEventId = lastEventId;
      try {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          for (const event of parser.feed(chunk.value)) handlers.onEvent(event);
        }
      } catch {
        // The connection dropped mid-stream; what was read before stands and the id resumes after it.
      }
      lastEventId = parser.lastEventId;
      retry = parser.retry ?? retry;
    } else {
      failures++;
    }
    if (signal.aborted) break;
    handlers.onState("reconnecting");
    await pause(backoff(retry, failures), signal);
  }
  handlers.onState("closed");
}

/** The server's retry hint for a stream that simply ended; doubled per failure in a row, capped, and spread out so many tabs do not return at once. */
function backoff(retry: number, failures: number): number {
  const delay = Math.min(longestDelay, retry * 2 ** Math.min(failures, 6));
  return delay / 2 + Math.random() * (delay / 2);
}

/** Waits out the delay, cut short when the stream is no longer wanted or the browser comes back online. */
function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(done, milliseconds);
    signal.addEventListener("abort", done);
    window.addEventListener("online", done);
    function done() {
      window.clearTimeout(timer);
      signal.removeEventListener("abort", done);
      window.removeEventListener("online", done);
      resolve();
    }
  });
}
