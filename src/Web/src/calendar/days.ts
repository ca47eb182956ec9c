// Calendar days as plain dates ("YYYY-MM-DD"): the API groups posts by day in the tenant's time zone, so the grid only
// needs date arithmetic, done in UTC where no day is ever 23 or 25 hours long.

export type CalendarView = "month" | "week";

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, count: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return toDay(date);
}

/** Weeks start on Monday. */
export function startOfWeek(day: string): string {
  return addDays(day, -((toDate(day).getUTCDay() + 6) % 7));
}

/** The days a view shows: the week of the day, or the whole weeks covering the day's month. */
export function daysOf(view: CalendarView, day: string): string[] {
  if (view === "week") return Array.from({ length: 7 }, (_, index) => addDays(startOfWeek(day), index));
  const first = `${day.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const days: string[] = [];
  for (let current = startOfWeek(first); current <= last || days.length % 7 !== 0; current = addDays(current, 1)) days.push(current);
  return days;
}

export function addMonths(day: string, count: number): string {
  const date = toDate(`${day.slice(0, 7)}-01`);
  date.setUTCMonth(date.getUTCMonth() + count);
  return toDay(date);
}

/** Today's date where the tenant is. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// Building a formatter costs far more than using one: a month of 1,000 posts formats 1,000 times with one formatter.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant's wall-clock time in the tenant's time zone, e.g. "08:30". */
export function timeIn(timeZone: string, instant: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) timeFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" })));
  return format.format(new Date(instant));
}

/**
 * The instants to ask the API for: a day more on each side of the shown days covers every offset a time zone can
 * have (UTC-12 to UTC+14); the API's own day grouping then decides which shown day a post belongs to.
 */
export function rangeAround(days: string[]): { from: string; to: string } {
  return { from: `${addDays(days[0], -1)}T00:00:00Z`, to: `${addDays(days[days.length - 1], 2)}T00:00:00Z` };
}
