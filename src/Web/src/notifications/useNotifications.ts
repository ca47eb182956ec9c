import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

export const notificationsKey = ["notifications"];
// The API answers pages without an unread total, so the newest hundred (its largest page) are counted.
const newest = 100;

/** The caller's newest notifications, and how many of them are unread ("100+" when every one fetched is). */
export function useNotifications() {
  const query = useQuery({
    queryKey: notificationsKey,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/notifications", { params: { query: { page: 1, pageSize: newest } } });
      if (error) throw error;
      return data;
    },
  });
  const items = query.data?.items ?? [];
  const unread = items.filter((item) => !item.readAt).length;
  const more = unread === items.length && (query.data?.totalCount ?? 0) > items.length;
  return { ...query, items, unread, unreadLabel: more ? `${unread}+` : String(unread) };
}

export type Notifications = ReturnType<typeof useNotifications>;
