import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { Field } from "./Field";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";

/** Where a password-reset mail leads: a new password, after which every earlier session of the account has ended. */
export function ResetPassword() {
  const token = useSearchParams()[0].get("token") ?? "";
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const saving = useSingleSubmit();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("newPassword"));
    void saving.run(async () => {
      const { error } = await api.POST("/api/v1/auth/password-reset/confirm", { body: { token, newPassword } });
      if (error) return setProblem(toProblem(error, "The password could not be changed."));
      setDone(true);
    });
  }

  return (
    <main className="auth">
      <h1>Choose a new password</h1>
      {token === "" ? (
        <ProblemAlert problem={{ title: "This link has no reset token in it.", detail: "Open the whole link you were sent, or ask for a new one.", fieldErrors: {} }} />
      ) : done ? (
        <p role="status">Your password is changed, and every other session of your account has ended. <Link to="/sign-in">Sign in</Link> with the new one.</p>
      ) : (
        <Form onSubmit={submit} validationErrors={problem?.fieldErrors}>
          <ProblemAlert problem={problem} />
          <Field name="newPassword" label="New password" type="password" autoComplete="new-password" />
          <SubmitButton pending={saving.pending}>Change the password</SubmitButton>
        </Form>
      )}
      {!done && (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </main>
  );
}
