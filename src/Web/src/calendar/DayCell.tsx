import { memo } from "react";
import type { components } from "../api/schema";
import { addDays, timeIn } from "./days";

export type Entry = components["schemas"]["CalendarEntry"];

/** Posts a day's cell lists before the rest go behind "+N more": a busy month stays light to draw and to read. */
export const shownPerDay = 4;

type Props = {
  date: string;
  label: string;
  longLabel: string;
  entries: Entry[];
  outside: boolean;
  timeZone: string;
  moving: boolean;
  onMove: (entry: Entry, toDay: string) => void;
  onDrop: (postId: string, fromDay: string, toDay: string) => void;
  onMore: (date: string) => void;
};

/**
 * One day of the calendar. Memoised, and made of plain elements (links are followed by the grid's one click handler):
 * a month holds 42 of them, and each draws at most {@link shownPerDay} posts, so even 1,000 posts draw in small pieces.
 */
export const DayCell = memo(function DayCell({ date, label, longLabel, entries, outside, timeZone, moving, onMove, onDrop, onMore }: Props) {
  const hidden = entries.length - shownPerDay;
  return (
    <td data-date={date} className={outside ? "outside" : undefined}
      onDragOver={(event) => event.dataTransfer.types.includes("application/x-post") && event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const from = event.dataTransfer.getData("application/x-post-day");
        if (from !== date) onDrop(event.dataTransfer.getData("application/x-post"), from, date);
      }}>
      <span className="date">{label}</span>
      <ul>
        {entries.slice(0, shownPerDay).map((entry) => (
          <li key={entry.postId} className={`entry ${entry.status?.toLowerCase() ?? ""}`}
            draggable={entry.status === "Scheduled"}
            onDragStart={(event) => {
              event.dataTransfer.setData("application/x-post", entry.postId ?? "");
              event.dataTransfer.setData("application/x-post-day", date);
            }}>
            <time dateTime={entry.at}>{entry.at ? timeIn(timeZone, entry.at) : ""}</time>{" "}
            <a href={`/posts/${entry.postId}`}>{entry.title || entry.platforms?.join(", ") || "Post"}</a>{" "}
            <span className="status">{entry.status}</span>
            {entry.status === "Scheduled" && (
              <span className="move">
                <button type="button" className="secondary" disabled={moving} aria-label={`Move ${entry.title || "post"} a day earlier`} onClick={() => onMove(entry, addDays(date, -1))}>←</button>
                <button type="button" className="secondary" disabled={moving} aria-label={`Move ${entry.title || "post"} a day later`} onClick={() => onMove(entry, addDays(date, 1))}>→</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="more" aria-haspopup="dialog" aria-label={`${hidden} more posts on ${longLabel}`} onClick={() => onMore(date)}>+{hidden} more</button>
      )}
    </td>
  );
});
