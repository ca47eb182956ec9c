import { useState } from "react";
import { Button } from "react-aria-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../api/client";
import { toProblem } from "../api/problem";
import { useAccountNames } from "../posts/useAccountNames";
import { postKey, usePost } from "../posts/usePost";
import { ProblemAlert } from "./ProblemAlert";
import { TargetRow } from "./TargetRow";

/** A post and how it went on each platform: status, attempts, links, errors in plain words; retry, duplicate, unschedule, delete. */
export function PostDetail() {
  const id = useParams().id ?? "";
  const navigate = useNavigate();
  const queries = useQueryClient();
  const post = usePost(id);
  const { nameOf, platformOf } = useAccountNames();
  const [deleting, setDeleting] = useState(false);

  const refreshLists = () => {
    void queries.invalidateQueries({ queryKey: ["posts"] });
    void queries.invalidateQueries({ queryKey: ["calendar"] });
  };
  const duplicate = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/posts/{id}/duplicate", { params: { path: { id } } });
      if (error || !data?.id) throw error;
      return data.id;
    },
    onSuccess: (copy) => {
      refreshLists();
      navigate(`/posts/${copy}`, { state: { duplicated: true } });
    },
  });
  const unschedule = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/posts/{id}/unschedule", { params: { path: { id } } });
      if (error) throw error;
      return data;
    },
    onSuccess: (updated) => {
      queries.setQueryData(postKey(id), updated);
      refreshLists();
    },
  });
  const remove = useMutation({
    mutationFn: async () => {
      const { error } = await api.DELETE("/api/v1/posts/{id}", { params: { path: { id } } });
      if (error) throw error;
    },
    onSuccess: () => {
      refreshLists();
      navigate("/posts", { replace: true, state: { deleted: true } });
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/posts/{id}/publish", { params: { path: { id } } });
      if (error) throw error;
      return data;
    },
    onSuccess: (updated) => {
      if (updated) queries.setQueryData(postKey(id), updated);
      void queries.invalidateQueries({ queryKey: postKey(id) });
      refreshLists();
    },
  });
  const busy = publish.isPending || duplicate.isPending || unschedule.isPending || remove.isPending;
  const failure = publish.error ?? duplicate.error ?? unschedule.error ?? remove.error;

  if (post.isPending) return <p role="status">Loading…</p>;
  if (post.error || !post.data) {
    return (
      <section aria-labelledby="post-title">
        <h1 id="post-title">Post</h1>
        <ProblemAlert problem={toProblem(post.error, "This post could not be loaded.")} />
        <Link to="/posts">Back to posts</Link>
      </section>
    );
  }
  const data = post.data;
  const targets = data.targets ?? [];

  return (
    <section aria-labelledby="post-title">
      <h1 id="post-title">{data.title || "Post"}</h1>
      <p className="post-status">
        <strong>{data.status}</strong>
        {data.scheduledAt && ` · scheduled for ${new Date(data.scheduledAt).toLocaleString()}${data.timeZone ? ` (${data.timeZone})` : ""}`}
        {data.publishedAt && ` · published ${new Date(data.publishedAt).toLocaleString()}`}
      </p>
      <blockquote className="post-content">{data.content || "(no text)"}</blockquote>
      <div className="toolbar">
        {(data.status === "Draft" || data.status === "Scheduled") && <Button isDisabled={busy} onPress={() => publish.mutate()}>Publish now</Button>}
        <Button isDisabled={busy} onPress={() => duplicate.mutate()}>Duplicate</Button>
        {data.status === "Scheduled" && <Button isDisabled={busy} onPress={() => unschedule.mutate()}>Unschedule</Button>}
        {!deleting && <Button className="danger" isDisabled={busy} onPress={() => setDeleting(true)}>Delete</Button>}
      </div>
      {deleting && (
        <div role="group" aria-label="Confirm delete" className="confirm">
          <p>Delete this post? Anything already published stays on the platforms.</p>
          <div className="actions">
            <Button className="danger" isDisabled={busy} onPress={() => remove.mutate()}>Delete for good</Button>
            <Button className="secondary" onPress={() => setDeleting(false)}>Keep it</Button>
          </div>
        </div>
      )}
      {failure && <ProblemAlert problem={toProblem(failure, "That did not work.")} />}
      <h2>On each platform</h2>
      {targets.length === 0 ? (
        <p>No accounts chosen for this post.</p>
      ) : (
        <div className="scroll">
          <table className="targets stack">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Published post</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <TargetRow key={target.id} postId={id} target={target} accountName={nameOf(target.accountId)} platformName={platformOf(target.accountId)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
