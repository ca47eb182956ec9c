import { useMemo, useState, type FormEvent } from "react";
import { Button, FieldError, Form, Input, Label, TextArea, TextField } from "react-aria-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import type { components } from "../api/schema";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { ProblemAlert } from "../screens/ProblemAlert";
import { QueryState } from "../screens/QueryState";
import { SubmitButton } from "../screens/SubmitButton";
import { byFieldName } from "./fieldErrors";

type Template = components["schemas"]["TemplateView"];

function TextInput({ name, label, isRequired = false, multiline = false, defaultValue }: { name: string; label: string; isRequired?: boolean; multiline?: boolean; defaultValue?: string | null }) {
  return (
    <TextField name={name} isRequired={isRequired} defaultValue={defaultValue ?? ""} className="field">
      <Label>{label}</Label>
      {multiline ? <TextArea rows={4} /> : <Input />}
      <FieldError className="field-error" />
    </TextField>
  );
}

/** The workspace's AI prompt templates: a prompt with its brand voice, audience and call to action; add, edit, delete. */
export function AiTemplates() {
  const queries = useQueryClient();
  const templates = useQuery({
    queryKey: ["ai-templates"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/ai/templates", { params: { query: { pageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const [editing, setEditing] = useState<Template | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // One object per answer: React Aria clears a field's server error on edit only while this stays the same object.
  const problemErrors = useMemo(() => byFieldName(problem), [problem]);
  const [saved, setSaved] = useState<string | null>(null);
  const saving = useSingleSubmit();
  const remove = useMutation({
    mutationFn: async (id: string) => {
      const { error } = await api.DELETE("/api/v1/ai/templates/{id}", { params: { path: { id } } });
      if (error) throw error;
    },
    onSettled: () => queries.invalidateQueries({ queryKey: ["ai-templates"] }),
  });
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const optional = (name: string) => String(form.get(name) ?? "").trim() || null;
    const body = { name: String(form.get("name")), body: String(form.get("body")), brandVoice: optional("brandVoice"), audience: optional("audience"), callToAction: optional("callToAction") };
    void saving.run(async () => {
      setSaved(null);
      const { error } = editing?.id
        ? await api.PUT("/api/v1/ai/templates/{id}", { params: { path: { id: editing.id } }, body })
        : await api.POST("/api/v1/ai/templates", { body });
      if (error) return setProblem(toProblem(error, "The template could not be saved."));
      setProblem(null);
      setSaved(body.name);
      setEditing(null);
      formElement.reset();
      await queries.invalidateQueries({ queryKey: ["ai-templates"] });
    });
  }

  const items = templates.data?.items ?? [];
  return (
    <>
      <h2>AI templates</h2>
      {remove.error && <ProblemAlert problem={toProblem(remove.error, "The template could not be deleted.")} />}
      <QueryState isPending={templates.isPending} error={templates.error} isEmpty={items.length === 0} empty="No templates yet: add one below to keep the team's voice in every AI draft.">
        <ul className="templates">
          {items.map((template) => (
            <li key={template.id}>
              <strong>{template.name}</strong>
              <span className="description"> {[template.brandVoice, template.audience, template.callToAction].filter(Boolean).join(" · ")}</span>
              <p className="post-content">{template.body}</p>
              <div className="actions">
                <Button className="secondary" onPress={() => { setEditing(template); setProblem(null); }}>Edit {template.name}</Button>
                {confirmDelete === template.id ? (
                  <>
                    <Button className="danger" isDisabled={remove.isPending} onPress={() => remove.mutate(template.id!)}>Delete {template.name} for good</Button>
                    <Button className="secondary" onPress={() => setConfirmDelete(null)}>Keep it</Button>
                  </>
                ) : (
                  <Button className="danger" onPress={() => setConfirmDelete(template.id ?? null)}>Delete {template.name}</Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </QueryState>
      <h3>{editing ? `Edit ${editing.name}` : "Add a template"}</h3>
      <div className="form-edits" onInput={() => problem && setProblem(null)}>
        {/* Keyed by the template: choosing another one to edit fills the form afresh. */}
        <Form key={editing?.id ?? "new"} onSubmit={save} validationErrors={problemErrors} className="composer" aria-label="AI template">
          <ProblemAlert problem={problem} />
          {saved && <p role="status">Template {saved} saved.</p>}
          <TextInput name="name" label="Template name" isRequired defaultValue={editing?.name} />
          <TextInput name="body" label="Prompt" isRequired multiline defaultValue={editing?.body} />
          <TextInput name="brandVoice" label="Brand voice" defaultValue={editing?.brandVoice} />
          <TextInput name="audience" label="Audience" defaultValue={editing?.audience} />
          <TextInput name="callToAction" label="Call to action" defaultValue={editing?.callToAction} />
          <div className="actions">
            <SubmitButton pending={saving.pending}>{editing ? "Save template" : "Add template"}</SubmitButton>
            {editing && <Button className="secondary" onPress={() => setEditing(null)}>Cancel</Button>}
          </div>
        </Form>
      </div>
    </>
  );
}
