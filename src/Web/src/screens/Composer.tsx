import { useState, type FormEvent } from "react";
import { Checkbox, CheckboxGroup, FieldError, Form, Input, Label, Text, TextArea, TextField } from "react-aria-components";
import { useNavigate } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { countLines } from "../posts/counts";
import { useContentChecks, type SocialPlatform } from "../posts/useContentChecks";
import { useTenantTimeZone } from "../posts/useTenantTimeZone";
import { ProblemAlert } from "./ProblemAlert";
import { QueryState } from "./QueryState";
import { SubmitButton } from "./SubmitButton";
import { useSingleSubmit } from "../forms/useSingleSubmit";

/**
 * One post to several accounts: live counts the way each chosen platform counts (the API's content rules), each
 * platform's problems before anything is saved, and a time in the tenant's time zone. The API's field errors show
 * under their field; what was typed stays on any error.
 */
export function Composer() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { timeZone } = useTenantTimeZone();
  const accounts = useQuery({
    queryKey: ["social-accounts"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/social-accounts", { params: { query: { PageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const saving = useSingleSubmit();
  // Once saved, a failed scheduling step updates this post rather than creating a second one.
  const [savedId, setSavedId] = useState<string | null>(null);

  const items = (accounts.data?.items ?? []).filter((account) => account.id);
  const platformOf = new Map(items.map((account) => [account.id!, account.platform as SocialPlatform]));
  const platforms = chosen.map((id) => platformOf.get(id)).filter((platform): platform is SocialPlatform => !!platform);
  const { checks } = useContentChecks(platforms, text);
  const { lines, blocked } = countLines(checks);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scheduledAt = String(form.get("scheduledAt") ?? "");
    const payload = { content: text, type: "text", targets: chosen.map((accountId) => ({ accountId })) };
    // Once per click however fast they come: a second submission would create a second post.
    void saving.run(async () => {
      setProblem(null);
      let id = savedId;
      if (id) {
        const { error } = await api.PUT("/api/v1/posts/{id}", { params: { path: { id } }, body: payload });
        if (error) return setProblem(toProblem(error, "The post could not be saved."));
      } else {
        const { data, error } = await api.POST("/api/v1/posts", { body: payload });
        if (error || !data?.id) return setProblem(toProblem(error, "The post could not be saved."));
        id = data.id;
        setSavedId(id);
      }
      if (scheduledAt) {
        // A wall-clock time without an offset: the API reads it in the tenant's time zone.
        const { error } = await api.POST("/api/v1/posts/{id}/schedule", { params: { path: { id } }, body: { scheduledAt, timeZone } });
        if (error) {
          const answer = toProblem(error, "The post was saved as a draft but could not be scheduled.");
          // A refusal about the time itself (in the past, not a valid time) belongs under the time field.
          if (Object.keys(answer.fieldErrors).length === 0 && answer.detail) answer.fieldErrors = { scheduledAt: [answer.detail] };
          return setProblem(answer);
        }
      }
      void queries.invalidateQueries({ queryKey: ["posts"] });
      void queries.invalidateQueries({ queryKey: ["calendar"] });
      navigate(scheduledAt ? `/calendar?date=${scheduledAt.slice(0, 10)}` : "/posts");
    });
  }

  return (
    <section aria-labelledby="composer-title">
      <h1 id="composer-title">New post</h1>
      <QueryState isPending={accounts.isPending} error={accounts.error} isEmpty={items.length === 0} empty="Connect an account first, on the accounts screen.">
        <Form onSubmit={submit} validationErrors={problem?.fieldErrors} className="composer">
          <ProblemAlert problem={problem} />
          <CheckboxGroup name="targets" value={chosen} onChange={setChosen} isRequired className="choices">
            <Label>Post to</Label>
            {items.map((account) => (
              <Checkbox key={account.id} value={account.id!}>
                {account.displayName ?? account.handle ?? account.externalId} ({account.platform})
              </Checkbox>
            ))}
            <FieldError className="field-error" />
          </CheckboxGroup>
          <TextField name="content" value={text} onChange={setText} className="field">
            <Label>Text</Label>
            <TextArea rows={6} />
            <FieldError className="field-error" />
          </TextField>
          {lines.length > 0 && (
            <ul className="counts" aria-label="Length on each platform">
              {lines.map((line) => (
                <li key={line.platform} className={line.over ? "over" : undefined}>
                  <span className="platform">{line.platform}</span> <span className="count">{line.label}</span>
                  {line.reasons.map((reason) => (
                    <p key={reason} className="field-error">{reason}</p>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <TextField name="scheduledAt" type="datetime-local" className="field" isRequired={false}>
            <Label>Publish at</Label>
            <Input />
            <Text slot="description" className="description">Time in {timeZone}. Leave empty to save a draft.</Text>
            <FieldError className="field-error" />
          </TextField>
          <SubmitButton pending={saving.pending || blocked}>Save</SubmitButton>
          {blocked && <p className="hint">Fix the problems above before saving.</p>}
        </Form>
      </QueryState>
    </section>
  );
}
