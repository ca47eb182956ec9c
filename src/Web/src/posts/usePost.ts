import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { components } from "../api/schema";

export type PostView = components["schemas"]["PostResponse"];
export type TargetView = components["schemas"]["TargetResponse"];

// While anything is on its way to a platform, or due within the next minutes, the screen follows it; once every
// target has settled it stops asking.
const followFor = 5 * 60_000;
const inFlight = (post: PostView | undefined) =>
  post?.status === "Publishing" ||
  (post?.status === "Scheduled" && !!post.scheduledAt && new Date(post.scheduledAt).getTime() - Date.now() < followFor) ||
  (post?.targets ?? []).some((target) => target.status === "Publishing" || (target.status !== "Published" && !!target.nextAttemptAt));

export const postKey = (id: string) => ["post", id];

/** One post with its targets, refreshed every couple of seconds while it publishes. */
export function usePost(id: string) {
  return useQuery({
    queryKey: postKey(id),
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/posts/{id}", { params: { path: { id } } });
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) => (inFlight(query.state.data) ? 1500 : false),
  });
}
