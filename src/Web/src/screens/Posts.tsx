import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../api/client";
import { QueryState } from "./QueryState";

export function Posts() {
  const posts = useQuery({
    queryKey: ["posts"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/posts", { params: { query: { pageSize: 50 } } });
      if (error) throw error;
      return data;
    },
  });
  const items = posts.data?.items ?? [];

  return (
    <section aria-labelledby="posts-title">
      <h1 id="posts-title">Posts</h1>
      <QueryState isPending={posts.isPending} error={posts.error} isEmpty={items.length === 0} empty="No posts yet.">
        <table>
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
                <td>{post.status}</td>
                <td>{post.scheduledAt ? new Date(post.scheduledAt).toLocaleString() : "not scheduled"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}
