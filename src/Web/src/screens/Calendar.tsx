import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { api } from "../api/client";
import { toProblem } from "../api/problem";
import type { components } from "../api/schema";
import { addDays, addMonths, daysOf, rangeAround, timeIn, todayIn, type CalendarView } from "../calendar/days";
import { movedTo } from "../calendar/reschedule";
import { useTenantTimeZone } from "../posts/useTenantTimeZone";
import { ProblemAlert } from "./ProblemAlert";

type Entry = components["schemas"]["Platform.Posts.Features.Calendar.CalendarEntry"];

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const dayLabel = (day: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** Scheduled and published posts by day, a month or a week at a time, in the tenant's time zone. */
export function Calendar() {
  const { timeZone, isPending: zonePending } = useTenantTimeZone();
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get("view") === "week" ? "week" : "month";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : todayIn(timeZone);
  const days = daysOf(view, day);
  const range = rangeAround(days);

  const calendar = useQuery({
    queryKey: ["calendar", range.from, range.to, timeZone],
    enabled: !zonePending,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/calendar", { params: { query: { ...range, timeZone } } });
      if (error) throw error;
      return data;
    },
  });
  const queries = useQueryClient();
  const [moving, setMoving] = useState(false);
  const [moveProblem, setMoveProblem] = useState<unknown>(null);
  // A scheduled post dropped on (or moved by keyboard to) another day keeps its time of day in the tenant's zone.
  async function reschedule(entry: Entry, toDay: string) {
    if (!entry.postId || !entry.at || moving) return;
    setMoving(true);
    setMoveProblem(null);
    const { error } = await api.POST("/api/v1/posts/{id}/schedule", {
      params: { path: { id: entry.postId } },
      body: { scheduledAt: movedTo(timeZone, entry.at, toDay), timeZone },
    });
    setMoving(false);
    if (error) setMoveProblem(error);
    await queries.invalidateQueries({ queryKey: ["calendar"] });
  }
  const byDay = new Map<string, Entry[]>((calendar.data?.days ?? []).map((entry) => [entry.date ?? "", entry.posts ?? []]));

  const go = (next: Partial<{ view: CalendarView; date: string }>) => setParams({ view: next.view ?? view, date: next.date ?? day });
  const step = (direction: 1 | -1) => go({ date: view === "week" ? addDays(day, 7 * direction) : addMonths(day, direction) });
  const title = view === "week"
    ? `Week of ${dayLabel(days[0], { day: "numeric", month: "long", year: "numeric" })}`
    : dayLabel(`${day.slice(0, 7)}-01`, { month: "long", year: "numeric" });

  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">Calendar</h1>
      <div className="toolbar">
        <button type="button" onClick={() => step(-1)}>Previous</button>
        <button type="button" onClick={() => go({ date: todayIn(timeZone) })}>Today</button>
        <button type="button" onClick={() => step(1)}>Next</button>
        <button type="button" aria-pressed={view === "month"} onClick={() => go({ view: "month" })}>Month</button>
        <button type="button" aria-pressed={view === "week"} onClick={() => go({ view: "week" })}>Week</button>
        <span className="description">Times in {timeZone}</span>
      </div>
      <h2 aria-live="polite">{title}</h2>
      {calendar.error ? <ProblemAlert problem={toProblem(calendar.error, "Could not load the calendar.")} /> : null}
      {calendar.isPending && <p role="status">Loading…</p>}
      {moveProblem ? <ProblemAlert problem={toProblem(moveProblem, "The post could not be moved.")} /> : null}
      {moving && <p role="status">Moving…</p>}
      <table className={`calendar ${view}`} aria-label={title}>
        <thead>
          <tr>{weekdays.map((name) => <th key={name} scope="col">{name}</th>)}</tr>
        </thead>
        <tbody>
          {Array.from({ length: days.length / 7 }, (_, week) => (
            <tr key={days[week * 7]}>
              {days.slice(week * 7, week * 7 + 7).map((date) => (
                <td key={date} data-date={date}
                  onDragOver={(event) => event.dataTransfer.types.includes("application/x-post") && event.preventDefault()}
                  onDrop={(event) => {
                    event.preventDefault();
                    const entry = (byDay.get(event.dataTransfer.getData("application/x-post-day")) ?? []).find((candidate) => candidate.postId === event.dataTransfer.getData("application/x-post"));
                    if (entry && event.dataTransfer.getData("application/x-post-day") !== date) void reschedule(entry, date);
                  }}
                  className={view === "month" && date.slice(0, 7) !== day.slice(0, 7) ? "outside" : undefined}>
                  <span className="date">{dayLabel(date, { day: "numeric", month: "short" })}</span>
                  <ul>
                    {(byDay.get(date) ?? []).map((entry) => (
                      <li key={entry.postId} className={`entry ${entry.status?.toLowerCase() ?? ""}`}
                        draggable={entry.status === "Scheduled"}
                        onDragStart={(event) => {
                          event.dataTransfer.setData("application/x-post", entry.postId ?? "");
                          event.dataTransfer.setData("application/x-post-day", date);
                        }}>
                        <time dateTime={entry.at}>{entry.at ? timeIn(timeZone, entry.at) : ""}</time>{" "}
                        <Link to={`/posts/${entry.postId}`}>{entry.title || entry.platforms?.join(", ") || "Post"}</Link>{" "}
                        <span className="status">{entry.status}</span>
                        {entry.status === "Scheduled" && (
                          <span className="move">
                            <button type="button" className="secondary" disabled={moving} aria-label={`Move ${entry.title || "post"} a day earlier`} onClick={() => reschedule(entry, addDays(date, -1))}>←</button>
                            <button type="button" className="secondary" disabled={moving} aria-label={`Move ${entry.title || "post"} a day later`} onClick={() => reschedule(entry, addDays(date, 1))}>→</button>
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
