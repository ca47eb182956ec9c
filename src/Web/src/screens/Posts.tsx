import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { api } from "../api/client";
import type { components } from "../api/schema";
import { QueryState } from "./QueryState";

type Status = components["schemas"]["PostStatus"];
const statuses: Status[] = ["Draft", "Scheduled", "Publishing", "Published", "PartiallyPublished", "Failed"];
const pageSize = 25;

/** Every post, newest first, narrowed by status, a page at a time; the choices live in the address. */
export function Posts() {
  const [params, setParams] = useSearchParams();
  const status = (statuses as string[]).includes(params.get("status") ?? "") ? (params.get("status") as Status) : undefined;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const posts = useQuery({
    queryKey: ["posts", status ?? "", page],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/posts", { params: { query: { status, page, pageSize } } });
      if (error) throw error;
      return data;
    },
  });
  const items = posts.data?.items ?? [];
  const pages = posts.data?.totalPages ?? 1;
  const show = (next: { status?: string; page?: number }) => setParams((current) => {
    const merged = new URLSearchParams(current);
    if (next.status !== undefined) {
      if (next.status) merged.set("status", next.status);
      else merged.delete("status");
    }
    merged.set("page", String(next.page ?? 1));
    return merged;
  });

  return (
    <section aria-labelledby="posts-title">
      <h1 id="posts-title">Posts</h1>
      <div className="toolbar filters">
        <label>
          Status
          <select value={status ?? ""} onChange={(event) => show({ status: event.target.value })}>
            <option value="">Any status</option>
            {statuses.map((value) => <option key={value} value={value}>{value === "PartiallyPublished" ? "Partially published" : value}</option>)}
          </select>
        </label>
        {posts.data && <span className="description">{posts.data.totalCount} {posts.data.totalCount === 1 ? "post" : "posts"}</span>}
      </div>
      <QueryState isPending={posts.isPending} error={posts.error} isEmpty={items.length === 0} empty={status ? "No posts in this status." : "No posts yet."}>
        <table className="stack" aria-busy={posts.isPlaceholderData || undefined}>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Scheduled</th>
            </tr>
          </thead>
          <tbody>
            {items.map((post) => (
              <tr key={post.id}>
                <td><Link to={`/posts/${post.id}`}>{post.title || post.content?.slice(0, 60) || "(untitled)"}</Link></td>
                <td data-label="Status">{post.status}</td>
                <td data-label="Scheduled">{post.scheduledAt ? new Date(post.scheduledAt).toLocaleString() : "not scheduled"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pages > 1 && (
          <nav className="actions" aria-label="Pages">
            <button type="button" className="secondary" disabled={page <= 1} onClick={() => show({ page: page - 1 })}>Newer</button>
            <span>Page {page} of {pages}</span>
            <button type="button" className="secondary" disabled={page >= pages} onClick={() => show({ page: page + 1 })}>Older</button>
          </nav>
        )}
      </QueryState>
    </section>
  );
}
