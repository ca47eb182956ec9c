import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { Link, useNavigate } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { Field } from "./Field";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";
import { useSingleSubmit } from "../forms/useSingleSubmit";

export function SignUp() {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const { pending, run } = useSingleSubmit();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Once at a time: a double click must not send it twice.
    void run(async () => {
      const { error } = await api.POST("/api/v1/auth/register", {
        body: {
          tenantName: String(form.get("tenantName")),
          displayName: String(form.get("displayName")),
          email: String(form.get("email")),
          password: String(form.get("password")),
        },
      });
      if (error) {
        setProblem(toProblem(error));
        return;
      }
      // The API answers alike whether or not the email had an account, so the next step is always to sign in.
      navigate("/sign-in", { state: { registered: true, email: form.get("email") } });
    });
  }

  return (
    <main className="auth">
      <h1>Create your workspace</h1>
      <Form onSubmit={submit} validationErrors={problem?.fieldErrors}>
        <ProblemAlert problem={problem} />
        <Field name="tenantName" label="Workspace name" autoComplete="organization" />
        <Field name="displayName" label="Your name" autoComplete="name" />
        <Field name="email" label="Email" type="email" autoComplete="email" />
        <Field name="password" label="Password" type="password" autoComplete="new-password" />
        <SubmitButton pending={pending}>Sign up</SubmitButton>
      </Form>
      <p>
        Have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
