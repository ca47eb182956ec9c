import type { QueryClient } from "@tanstack/react-query";
import type { components } from "../api/schema";
import { withArrival, type NotificationPage } from "../notifications/notificationPage";
import { notificationsKey } from "../notifications/useNotifications";
import { postKey } from "../posts/usePost";
import type { ServerSentEvent } from "./eventStream";

// The data of the stream's events (GET /api/v1/notifications/stream), which its OpenAPI entry describes only as text.
type InboxArrival = { id: string; kind: components["schemas"]["NotificationKind"]; title: string; body: string; createdAt: string };
type PostStatusChange = { postId: string; targetId: string | null; platform: string | null; status: "Scheduled" | "Published" | "PartiallyPublished" | "Failed" | "Unconfirmed"; occurredAt: string };

const postLists = [["posts"], ["calendar"]];
const accountLists = [["social-accounts"], ["account-health"]];

/** Brings the screens' cached answers up to date with one event: a new notification is added in place, the rest refetch. */
export function applyLiveEvent(queries: QueryClient, event: ServerSentEvent) {
  switch (event.event) {
    case "notification": {
      const arrival = JSON.parse(event.data) as InboxArrival;
      queries.setQueryData<NotificationPage>(notificationsKey, (page) => withArrival(page, arrival));
      break;
    }
    case "post": {
      const change = JSON.parse(event.data) as PostStatusChange;
      refetch(queries, [...postLists, postKey(change.postId)]);
      break;
    }
    case "account":
      // An account's health changed (its data names it): the accounts screen asks both of its lists again.
      refetch(queries, accountLists);
      break;
  }
}

/**
 * After the stream reopens, whatever it reports is asked for again: the host replays what it kept since the last event,
 * but an event lost to a host that stopped before publishing it, or to Redis being away, is never sent.
 */
export function refetchAfterGap(queries: QueryClient) {
  refetch(queries, [notificationsKey, ...postLists, ["post"], ...accountLists]);
}

function refetch(queries: QueryClient, keys: unknown[][]) {
  for (const queryKey of keys) void queries.invalidateQueries({ queryKey });
}
