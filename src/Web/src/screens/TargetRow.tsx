import { useState } from "react";
import { Button, Checkbox } from "react-aria-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { platformName as spelling } from "../accounts/callbackUri";
import { api } from "../api/client";
import { toProblem } from "../api/problem";
import { plainError, plainStatus } from "../posts/plainErrors";
import { postKey, type TargetView } from "../posts/usePost";
import { ProblemAlert } from "./ProblemAlert";

/**
 * One platform's side of a post: its status, attempts, the published post's link, what went wrong in plain words, and
 * a retry. An unconfirmed target may already be on the platform, so its retry first asks the user to check.
 */
export function TargetRow({ postId, target, accountName, platformName }: { postId: string; target: TargetView; accountName: string; platformName?: string }) {
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState(false);
  const retry = useMutation({
    mutationFn: async (confirmedNotPublished: boolean) => {
      const { error } = await api.POST("/api/v1/posts/{postId}/targets/{targetId}/retry", {
        params: { path: { postId, targetId: target.id! } },
        body: { confirmedNotPublished },
      });
      if (error) throw error;
    },
    onSuccess: async () => {
      setConfirming(false);
      setChecked(false);
      await queries.invalidateQueries({ queryKey: postKey(postId) });
    },
  });
  // An unconfirmed target with a next attempt is still being looked up on the platform: no retry until that answers.
  const lookingUp = target.status === "Unconfirmed" && !!target.nextAttemptAt;
  const canRetry = target.status === "Failed" || (target.status === "Unconfirmed" && !lookingUp);
  const platform = spelling(platformName ?? target.platform ?? "") || "the platform";

  return (
    <tr>
      <th scope="row">
        {accountName}
        <span className="description"> on {platform}</span>
      </th>
      <td data-label="Status" className={`target-status ${target.status?.toLowerCase() ?? ""}`}>{plainStatus(target.status)}</td>
      <td data-label="Attempts">{target.attemptCount ?? 0}</td>
      <td data-label="Published post">
        {target.platformUrl ? (
          <a href={target.platformUrl} target="_blank" rel="noreferrer">View on {platform}</a>
        ) : target.publishedAt ? "Published" : "—"}
        {target.nextAttemptAt && target.status !== "Published" && (
          <p className="description">
            {lookingUp
              ? `Looking for it on ${platform} at ${new Date(target.nextAttemptAt).toLocaleString()}, before anything is sent again`
              : `Next attempt ${new Date(target.nextAttemptAt).toLocaleString()}`}
          </p>
        )}
      </td>
      <td data-label="What happened">
        {(target.errorKind || target.errorMessage) && target.status !== "Published" && (
          <div className="target-error">
            {plainError(target.errorKind) && <p>{plainError(target.errorKind)}</p>}
            {target.errorMessage && <p className="description">{target.errorMessage}</p>}
          </div>
        )}
        {canRetry && !confirming && (
          <Button
            isDisabled={retry.isPending}
            onPress={() => (target.status === "Unconfirmed" ? setConfirming(true) : retry.mutate(false))}
          >
            Retry on {platform}
          </Button>
        )}
        {confirming && (
          <div role="group" aria-label={`Confirm the retry on ${platform}`} className="confirm">
            <p>Check it is not already on {platform}: open {accountName} there and look for this post. If it is there, retrying would post it twice.</p>
            <Checkbox isSelected={checked} onChange={setChecked}>I checked: it is not on {platform}</Checkbox>
            <div className="actions">
              <Button isDisabled={!checked || retry.isPending} onPress={() => retry.mutate(true)}>Send again</Button>
              <Button className="secondary" onPress={() => setConfirming(false)}>Cancel</Button>
            </div>
          </div>
        )}
        {retry.error && <ProblemAlert problem={toProblem(retry.error, "The retry was refused.")} />}
      </td>
    </tr>
  );
}
