import { useMemo, useState, type FormEvent } from "react";
import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import type { components } from "../api/schema";
import { ProblemAlert } from "../screens/ProblemAlert";
import { QueryState } from "../screens/QueryState";
import { SubmitButton } from "../screens/SubmitButton";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { byFieldName } from "./fieldErrors";

type Role = components["schemas"]["TenantRole"];
const roles: Role[] = ["Viewer", "Editor", "Admin", "Owner"];

/** The workspace's people: roles, deactivation, and invitations (invite, revoke). */
export function Team() {
  const queries = useQueryClient();
  const users = useQuery({
    queryKey: ["users"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/users", { params: { query: { pageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const invitations = useQuery({
    queryKey: ["invitations"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/users/invitations", { params: { query: { pageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const change = useMutation({
    mutationFn: async ({ id, action, role }: { id: string; action: "role" | "deactivate" | "activate"; role?: Role }) => {
      const answer = action === "role"
        ? await api.PATCH("/api/v1/users/{id}/role", { params: { path: { id } }, body: { role: role! } })
        : action === "deactivate"
          ? await api.POST("/api/v1/users/{id}/deactivate", { params: { path: { id } } })
          : await api.POST("/api/v1/users/{id}/activate", { params: { path: { id } } });
      if (answer.error) throw answer.error;
    },
    onSettled: () => queries.invalidateQueries({ queryKey: ["users"] }),
  });
  // While a role change is saved (and the list read again) the select shows the role chosen, not the one it replaces.
  const roleShown = (id: string, role: Role) =>
    change.isPending && change.variables?.action === "role" && change.variables.id === id ? change.variables.role! : role;
  const revoke = useMutation({
    mutationFn: async (id: string) => {
      const { error } = await api.POST("/api/v1/users/invitations/{id}/revoke", { params: { path: { id } } });
      if (error) throw error;
    },
    onSettled: () => queries.invalidateQueries({ queryKey: ["invitations"] }),
  });
  const [inviteProblem, setInviteProblem] = useState<Problem | null>(null);
  // One object per answer: React Aria clears a field's server error on edit only while this stays the same object.
  const inviteProblemErrors = useMemo(() => byFieldName(inviteProblem), [inviteProblem]);
  const inviting = useSingleSubmit();
  const [invited, setInvited] = useState<{ email: string; link: string } | null>(null);

  function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    // A double click submits the form twice before the button is drawn disabled: the second submission is dropped here.
    void inviting.run(async () => {
      setInvited(null);
      const { data, error } = await api.POST("/api/v1/users/invitations", { body: { email: String(form.get("email")), role: String(form.get("role")) as Role } });
      if (error) return setInviteProblem(toProblem(error, "The invitation could not be sent."));
      setInviteProblem(null);
      // The API shows the token this once: the link is what the admin sends the invitee.
      setInvited(data?.email && data.invitationToken ? { email: data.email, link: `${location.origin}/accept-invitation?token=${encodeURIComponent(data.invitationToken)}` } : null);
      formElement.reset();
      void queries.invalidateQueries({ queryKey: ["invitations"] });
    });
  }

  const people = users.data?.items ?? [];
  const pendingInvitations = invitations.data?.items ?? [];
  return (
    <>
      <h2>Team</h2>
      {change.error && <ProblemAlert problem={toProblem(change.error, "That change was refused.")} />}
      <QueryState isPending={users.isPending} error={users.error} isEmpty={people.length === 0} empty="Nobody else here yet.">
        <table className="stack" aria-label="Team">
          <thead>
            <tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {people.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.displayName}<span className="description"> {user.email}</span></th>
                <td data-label="Role">
                  <select aria-label={`Role of ${user.displayName ?? user.email}`} value={roleShown(user.id!, user.role!)} disabled={change.isPending}
                    onChange={(event) => change.mutate({ id: user.id!, action: "role", role: event.target.value as Role })}>
                    {roles.map((role) => <option key={role} value={role}>{role}</option>)}
                  </select>
                </td>
                <td data-label="Status">{user.isActive ? "Active" : "Deactivated"}{user.mfaEnabled ? " · two-step sign-in on" : ""}</td>
                <td data-label="Actions">
                  <Button isDisabled={change.isPending} onPress={() => change.mutate({ id: user.id!, action: user.isActive ? "deactivate" : "activate" })}>
                    {user.isActive ? "Deactivate" : "Reactivate"} {user.displayName}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      <h3>Invite someone</h3>
      <div className="form-edits" onInput={() => inviteProblem && setInviteProblem(null)} onChange={() => inviteProblem && setInviteProblem(null)}>
      <Form onSubmit={invite} validationErrors={inviteProblemErrors} className="composer" aria-label="Invite">
        <ProblemAlert problem={inviteProblem} />
        {invited && (
          <div role="status">
            <p>Invitation sent to {invited.email}. Send them this link to join (it is shown only now):</p>
            <p className="secret"><code>{invited.link}</code></p>
          </div>
        )}
        <TextField name="email" type="email" isRequired className="field">
          <Label>Email to invite</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <label className="field">
          Role
          <select name="role" defaultValue="Editor">
            {roles.filter((role) => role !== "Owner").map((role) => <option key={role} value={role}>{role}</option>)}
          </select>
        </label>
        <SubmitButton pending={inviting.pending}>Send invitation</SubmitButton>
      </Form>
      </div>
      <h3>Pending invitations</h3>
      {revoke.error && <ProblemAlert problem={toProblem(revoke.error, "The invitation could not be revoked.")} />}
      <QueryState isPending={invitations.isPending} error={invitations.error} isEmpty={pendingInvitations.length === 0} empty="No invitations waiting.">
        <ul className="invitations">
          {pendingInvitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} as {invitation.role}, until {invitation.expiresAt ? new Date(invitation.expiresAt).toLocaleDateString() : "—"}{" "}
              <Button className="secondary" isDisabled={revoke.isPending} onPress={() => revoke.mutate(invitation.id!)}>Revoke {invitation.email}</Button>
            </li>
          ))}
        </ul>
      </QueryState>
    </>
  );
}
