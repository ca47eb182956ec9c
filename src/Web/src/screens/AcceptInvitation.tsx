import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { useNavigate, useSearchParams } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { session, type Tokens } from "../auth/session";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { Field } from "./Field";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";

/** Where an invitation link leads: the invitee names themselves, chooses a password, and is signed in to the workspace. */
export function AcceptInvitation() {
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token") ?? "";
  const [problem, setProblem] = useState<Problem | null>(null);
  const joining = useSingleSubmit();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void joining.run(async () => {
      const { data, error } = await api.POST("/api/v1/auth/accept-invitation", {
        body: { invitationToken: token, displayName: String(form.get("displayName")), password: String(form.get("password")) },
      });
      if (error || !data?.tokens) return setProblem(toProblem(error, "The invitation could not be accepted."));
      session.signIn(data.tokens as Tokens);
      navigate("/accounts", { replace: true });
    });
  }

  return (
    <main className="auth">
      <h1>Join your team</h1>
      {token === "" ? (
        <ProblemAlert problem={{ title: "This link has no invitation in it.", detail: "Open the whole link you were sent, or ask for a new invitation.", fieldErrors: {} }} />
      ) : (
        <Form onSubmit={submit} validationErrors={problem?.fieldErrors}>
          <ProblemAlert problem={problem} />
          <Field name="displayName" label="Your name" autoComplete="name" />
          <Field name="password" label="Password" type="password" autoComplete="new-password" />
          <SubmitButton pending={joining.pending}>Join</SubmitButton>
        </Form>
      )}
    </main>
  );
}
