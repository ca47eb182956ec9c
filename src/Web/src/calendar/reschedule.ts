import { timeIn } from "./days";

/** The calendar day an instant falls on where the tenant is ("YYYY-MM-DD"). */
export function dayIn(timeZone: string, instant: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
}

/**
 * The wall-clock time to schedule a post moved to another day: the same time of day as before, on the new day, in the
 * tenant's time zone ("YYYY-MM-DDTHH:mm", which the API reads in that zone). Across a daylight-saving change the time
 * of day stays, so the UTC instant moves by an hour more or less than whole days.
 */
export function movedTo(timeZone: string, instant: string, day: string): string {
  return `${day}T${timeIn(timeZone, instant)}`;
}
