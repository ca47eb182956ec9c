import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useRef, useState, type MouseEvent } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { api } from "../api/client";
import { toProblem } from "../api/problem";
import { CalendarFilters, type Filters } from "../calendar/CalendarFilters";
import { DayCell, type Entry } from "../calendar/DayCell";
import { addDays, addMonths, daysOf, rangeAround, todayIn, type CalendarView } from "../calendar/days";
import { movedTo } from "../calendar/reschedule";
import { useTenantTimeZone } from "../posts/useTenantTimeZone";
import { ProblemAlert } from "./ProblemAlert";

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayLabel = (day: string, options: Intl.DateTimeFormatOptions) => {
  const key = JSON.stringify(options);
  let format = dayFormats.get(key);
  if (!format) dayFormats.set(key, (format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" })));
  return format.format(new Date(`${day}T00:00:00Z`));
};
const noPosts: Entry[] = [];
const DayList = lazy(() => import("../calendar/DayList"));

/** Scheduled and published posts by day, a month or a week at a time, in the tenant's time zone, narrowed by filters. */
export function Calendar() {
  const { timeZone, isPending: zonePending } = useTenantTimeZone();
  const [params, setParams] = useSearchParams();
  const imported = (useLocation().state as { imported?: number } | null)?.imported;
  const view: CalendarView = params.get("view") === "week" ? "week" : "month";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : todayIn(timeZone);
  const filters: Filters = { account: params.get("account") ?? "", platform: params.get("platform") ?? "", status: params.get("status") ?? "" };
  const days = useMemo(() => daysOf(view, day), [view, day]);
  const range = rangeAround(days);

  const calendar = useQuery({
    queryKey: ["calendar", range.from, range.to, timeZone, filters.account, filters.platform, filters.status],
    enabled: !zonePending,
    // The last month stays on screen while the next one loads, rather than an empty grid in between.
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/calendar", {
        params: {
          query: {
            ...range, timeZone,
            accountId: filters.account || undefined, platform: filters.platform || undefined, status: filters.status || undefined,
          },
        },
      });
      if (error) throw error;
      return data;
    },
  });
  // Grouped once per answer: the cells get the same arrays until the data changes, so memoised cells skip drawing.
  const byDay = useMemo(() => new Map<string, Entry[]>((calendar.data?.days ?? []).map((entry) => [entry.date ?? "", entry.posts ?? []])), [calendar.data]);

  const queries = useQueryClient();
  const [moving, setMoving] = useState(false);
  const [moveProblem, setMoveProblem] = useState<unknown>(null);
  const movingNow = useRef(false);
  // A scheduled post dropped on (or moved by keyboard to) another day keeps its time of day in the tenant's zone.
  const reschedule = useCallback(async (entry: Entry, toDay: string) => {
    // A ref, not the state: a second click before the next render must not send a second move.
    if (!entry.postId || !entry.at || movingNow.current) return;
    movingNow.current = true;
    setMoving(true);
    setMoveProblem(null);
    const { error } = await api.POST("/api/v1/posts/{id}/schedule", {
      params: { path: { id: entry.postId } },
      body: { scheduledAt: movedTo(timeZone, entry.at, toDay), timeZone },
    });
    movingNow.current = false;
    setMoving(false);
    if (error) setMoveProblem(error);
    await queries.invalidateQueries({ queryKey: ["calendar"] });
  }, [timeZone, queries]);
  // The cells draw from a deferred copy: React then draws a new month in a transition, in slices of a few milliseconds
  // it can interrupt, rather than in one long task (the month's own answer is first drawn with the cells unchanged).
  const grid = useDeferredValue(byDay);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const navigate = useNavigate();
  // One handler for every post link in the grid: the cells hold plain links, cheaper to draw than a router link each.
  const followLink = useCallback((event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest("a");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(link.getAttribute("href") ?? "/calendar");
  }, [navigate]);
  const byDayNow = useRef(byDay);
  byDayNow.current = byDay;
  const drop = useCallback((postId: string, fromDay: string, toDay: string) => {
    const entry = (byDayNow.current.get(fromDay) ?? []).find((candidate) => candidate.postId === postId);
    if (entry) void reschedule(entry, toDay);
  }, [reschedule]);

  // Each change keeps the rest of the address (view, date, filters), so a reload or Back shows the same calendar.
  const go = (next: Partial<{ view: CalendarView; date: string } & Filters>) => setParams((current) => {
    const merged = new URLSearchParams(current);
    merged.set("view", next.view ?? view);
    merged.set("date", next.date ?? day);
    for (const [name, value] of Object.entries(next)) {
      if (name === "view" || name === "date") continue;
      if (value) merged.set(name, value);
      else merged.delete(name);
    }
    return merged;
  });
  const step = (direction: 1 | -1) => go({ date: view === "week" ? addDays(day, 7 * direction) : addMonths(day, direction) });
  const title = view === "week"
    ? `Week of ${dayLabel(days[0], { day: "numeric", month: "long", year: "numeric" })}`
    : dayLabel(`${day.slice(0, 7)}-01`, { month: "long", year: "numeric" });
  const postCount = useMemo(() => (calendar.data?.days ?? []).reduce((sum, entry) => sum + (days.includes(entry.date ?? "") ? entry.posts?.length ?? 0 : 0), 0), [calendar.data, days]);
  const filtered = filters.account !== "" || filters.platform !== "" || filters.status !== "";

  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">Calendar</h1>
      <div className="toolbar">
        <button type="button" onClick={() => step(-1)}>Previous</button>
        <button type="button" onClick={() => go({ date: todayIn(timeZone) })}>Today</button>
        <button type="button" onClick={() => step(1)}>Next</button>
        <button type="button" aria-pressed={view === "month"} onClick={() => go({ view: "month" })}>Month</button>
        <button type="button" aria-pressed={view === "week"} onClick={() => go({ view: "week" })}>Week</button>
        <Link to="/calendar/import">Import from CSV</Link>
        <span className="description">Times in {timeZone}</span>
      </div>
      <CalendarFilters filters={filters} onChange={go} />
      {imported ? <p role="status">{imported} {imported === 1 ? "post" : "posts"} scheduled from the file.</p> : null}
      <h2 aria-live="polite">{title}</h2>
      {calendar.error ? <ProblemAlert problem={toProblem(calendar.error, "Could not load the calendar.")} /> : null}
      {calendar.isFetching && <p role="status">Loading…</p>}
      {calendar.isSuccess && !calendar.isPlaceholderData && postCount === 0 && (
        <p className="description">{filtered ? "No posts match these filters here." : "Nothing scheduled or published here yet."}</p>
      )}
      {moveProblem ? <ProblemAlert problem={toProblem(moveProblem, "The post could not be moved.")} /> : null}
      {moving && <p role="status">Moving…</p>}
      <div className="scroll">
        <table className={`calendar ${view}`} aria-label={title} onClick={followLink}>
          <thead>
            <tr>{weekdays.map((name) => <th key={name} scope="col">{name}</th>)}</tr>
          </thead>
          <tbody>
            {Array.from({ length: days.length / 7 }, (_, week) => (
              <tr key={days[week * 7]}>
                {days.slice(week * 7, week * 7 + 7).map((date) => (
                  <DayCell key={date} date={date} entries={grid.get(date) ?? noPosts} timeZone={timeZone} moving={moving}
                    label={dayLabel(date, { day: "numeric", month: "short" })}
                    longLabel={dayLabel(date, { weekday: "long", day: "numeric", month: "long" })}
                    outside={view === "month" && date.slice(0, 7) !== day.slice(0, 7)}
                    onMove={reschedule} onDrop={drop} onMore={setOpenDay} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openDay && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <DayList title={dayLabel(openDay, { weekday: "long", day: "numeric", month: "long" })} entries={byDay.get(openDay) ?? noPosts}
            timeZone={timeZone} onClose={() => setOpenDay(null)} />
        </Suspense>
      )}
    </section>
  );
}
