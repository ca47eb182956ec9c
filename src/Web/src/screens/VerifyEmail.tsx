import { useState, type FormEvent } from "react";
import { Form } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";

/**
 * Where a verification mail leads. The address is confirmed by a button, not on opening the page: mail scanners open
 * links on their own, and they should not spend the link.
 */
export function VerifyEmail() {
  const token = useSearchParams()[0].get("token") ?? "";
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const confirming = useSingleSubmit();

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void confirming.run(async () => {
      const { error } = await api.POST("/api/v1/auth/verify-email", { body: { token } });
      if (error) return setProblem(toProblem(error, "The address could not be confirmed."));
      setDone(true);
    });
  }

  return (
    <main className="auth">
      <h1>Confirm your email address</h1>
      {token === "" ? (
        <ProblemAlert problem={{ title: "This link has no verification token in it.", detail: "Open the whole link you were sent, or ask for a new one from your account.", fieldErrors: {} }} />
      ) : done ? (
        <p role="status">Your email address is confirmed. <Link to="/sign-in">Sign in</Link> to go on.</p>
      ) : (
        <Form onSubmit={confirm}>
          <ProblemAlert problem={problem} />
          <SubmitButton pending={confirming.pending}>Confirm my address</SubmitButton>
        </Form>
      )}
    </main>
  );
}
