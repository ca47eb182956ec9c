import { session } from "../auth/session";
import type { ReportFilter } from "./useReport";

/**
 * The export needs the bearer token, which a plain link cannot carry: fetch it, then hand the file to the browser as a
 * download.
 */
export async function downloadCsv(filter: ReportFilter): Promise<string | null> {
  const query = new URLSearchParams({ From: filter.From, To: filter.To, ...(filter.Platform ? { Platform: filter.Platform } : {}) });
  const answer = await fetch(`/api/v1/analytics/export.csv?${query}`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
  if (!answer.ok) return `The export failed (${answer.status}). Try again.`;
  const url = URL.createObjectURL(await answer.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `analytics-${filter.From}-to-${filter.To}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
