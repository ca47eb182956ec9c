import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { Link } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { Field } from "./Field";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";

/** Asks for a link to choose a new password; the answer never says whether the address has an account. */
export function ForgotPassword() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sending = useSingleSubmit();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email"));
    void sending.run(async () => {
      const { error } = await api.POST("/api/v1/auth/password-reset", { body: { email } });
      if (error) return setProblem(toProblem(error, "The link could not be sent."));
      setProblem(null);
      setSentTo(email);
    });
  }

  return (
    <main className="auth">
      <h1>Choose a new password</h1>
      {sentTo ? (
        <p role="status">If {sentTo} belongs to an account, a link to choose a new password is on its way. It works once, for 30 minutes.</p>
      ) : (
        <Form onSubmit={submit} validationErrors={problem?.fieldErrors}>
          <ProblemAlert problem={problem} />
          <Field name="email" label="Email" type="email" autoComplete="email" />
          <SubmitButton pending={sending.pending}>Send me a link</SubmitButton>
        </Form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </main>
  );
}
