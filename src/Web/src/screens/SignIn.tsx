import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { Link, useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { session, type Tokens } from "../auth/session";
import { Field } from "./Field";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";
import { useSingleSubmit } from "../forms/useSingleSubmit";

export function SignIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const registered = (location.state as { registered?: boolean } | null)?.registered === true;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const { pending, run } = useSingleSubmit();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Once at a time: a double click must not send it twice.
    void run(async () => {
      const { data, error } = await api.POST("/api/v1/auth/login", {
        body: { email: String(form.get("email")), password: String(form.get("password")), code: needsCode ? String(form.get("code")) : null },
      });
      if (error || !data) {
        const answer = toProblem(error);
        // The account has MFA: ask for the authenticator or recovery code and send the password again with it.
        if (answer.mfaRequired) {
          setNeedsCode(true);
        }
        setProblem(answer);
        return;
      }
      session.signIn(data as Tokens);
      navigate("/accounts", { replace: true });
    });
  }

  return (
    <main className="auth">
      <h1>Sign in</h1>
      {registered && <p role="status">Your workspace is ready. Sign in to continue.</p>}
      <Form onSubmit={submit} validationErrors={problem?.fieldErrors}>
        <ProblemAlert problem={problem} />
        <Field name="email" label="Email" type="email" autoComplete="email" />
        <Field name="password" label="Password" type="password" autoComplete="current-password" />
        {needsCode && <Field name="code" label="Authenticator code or recovery code" autoComplete="one-time-code" />}
        <SubmitButton pending={pending}>Sign in</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to="/sign-up">Create a workspace</Link>
      </p>
    </main>
  );
}
