// The text/event-stream format as the WHATWG HTML standard defines its parsing
// (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation), fed text as it arrives.

export type ServerSentEvent = { id: string; event: string; data: string };

/** Turns chunks of an event stream into events; a line or an event split across chunks is completed by the next one. */
export class EventStreamParser {
  /** The id the next reconnection sends as Last-Event-ID: the last one the stream set, kept across events. */
  lastEventId = "";
  /** The reconnection delay the stream asked for, in milliseconds, if it did. */
  retry: number | undefined;

  private pending = "";
  private startOfStream = true;
  private skipLineFeed = false;
  private data: string[] = [];
  private eventName = "";

  feed(chunk: string): ServerSentEvent[] {
    let text = chunk;
    if (this.startOfStream && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.startOfStream = false;
    }
    // A CR that ended the previous chunk and an LF that starts this one are one line break.
    if (this.skipLineFeed && text.startsWith("\n")) text = text.slice(1);
    this.skipLineFeed = false;
    const events: ServerSentEvent[] = [];
    let buffer = this.pending + text;
    for (let end = buffer.search(/[\r\n]/); end >= 0; end = buffer.search(/[\r\n]/)) {
      const line = buffer.slice(0, end);
      let next = end + 1;
      if (buffer[end] === "\r") {
        if (next === buffer.length) this.skipLineFeed = true;
        else if (buffer[next] === "\n") next++;
      }
      buffer = buffer.slice(next);
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.pending = buffer;
    return events;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventName = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const event = this.data.length > 0 ? { id: this.lastEventId, event: this.eventName || "message", data: this.data.join("\n") } : undefined;
    this.data = [];
    this.eventName = "";
    return event;
  }
}
