import { useMemo, useState, type FormEvent } from "react";
import { FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { ProblemAlert } from "../screens/ProblemAlert";
import { SubmitButton } from "../screens/SubmitButton";
import { byFieldName } from "./fieldErrors";
import { useSingleSubmit } from "../forms/useSingleSubmit";

const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

/** The workspace's name, time zone (in which posts are scheduled and the calendar drawn) and locale. */
export function WorkspaceForm() {
  const queries = useQueryClient();
  const tenant = useQuery({
    queryKey: ["tenant"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/tenant");
      if (error) throw error;
      return data;
    },
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  // One object per answer: React Aria clears a field's server error on edit only while this stays the same object.
  const problemErrors = useMemo(() => byFieldName(problem), [problem]);
  const { pending, run } = useSingleSubmit();
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Once at a time: a double click must not send it twice.
    void run(async () => {
      setSaved(false);
      const { data, error } = await api.PATCH("/api/v1/tenant", {
        body: {
          name: String(form.get("name")),
          settings: { timeZone: String(form.get("timeZone")), locale: String(form.get("locale")) },
        },
      });
      if (error) return setProblem(toProblem(error, "The settings could not be saved."));
      setProblem(null);
      setSaved(true);
      queries.setQueryData(["tenant"], data);
      void queries.invalidateQueries({ queryKey: ["calendar"] });
    });
  }

  if (tenant.isPending) return <p role="status">Loading…</p>;
  if (tenant.error) return <ProblemAlert problem={toProblem(tenant.error, "Could not load the workspace.")} />;
  const settings = tenant.data?.settings;
  return (
    <div className="form-edits" onInput={() => problem && setProblem(null)} onChange={() => problem && setProblem(null)}>
      <Form onSubmit={submit} validationErrors={problemErrors} className="composer" aria-label="Workspace">
      <ProblemAlert problem={problem} />
      {saved && <p role="status">Saved.</p>}
      <TextField name="name" defaultValue={tenant.data?.name ?? ""} className="field">
        <Label>Workspace name</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <label className="field">
        Time zone
        <select name="timeZone" defaultValue={settings?.timeZone ?? "UTC"}>
          {(zones.includes(settings?.timeZone ?? "UTC") ? zones : [settings?.timeZone ?? "UTC", ...zones]).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
        {problemErrors.timeZone && <span className="field-error">{problemErrors.timeZone.join(" ")}</span>}
      </label>
      <TextField name="locale" defaultValue={settings?.locale ?? "en-US"} className="field">
        <Label>Locale</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <SubmitButton pending={pending}>Save workspace</SubmitButton>
    </Form>
      </div>
  );
}
