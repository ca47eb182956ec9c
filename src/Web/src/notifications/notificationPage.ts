import type { components } from "../api/schema";

export type NotificationView = components["schemas"]["NotificationItem"];
export type NotificationPage = components["schemas"]["PagedListOfNotificationItem"];

/** The page with a just-arrived notification first; one already listed is left as it is. */
export function withArrival(page: NotificationPage | undefined, arrival: NotificationView): NotificationPage | undefined {
  if (!page || page.items?.some((item) => item.id === arrival.id)) return page;
  return { ...page, items: [{ ...arrival, readAt: null }, ...(page.items ?? [])].slice(0, page.pageSize ?? undefined), totalCount: (page.totalCount ?? 0) + 1 };
}

/** The page with the given notifications (or every one, without ids) read as of now. */
export function withRead(page: NotificationPage | undefined, ids?: string[]): NotificationPage | undefined {
  if (!page) return page;
  const readAt = new Date().toISOString();
  return { ...page, items: page.items?.map((item) => (!item.readAt && (!ids || ids.includes(item.id ?? "")) ? { ...item, readAt } : item)) };
}
