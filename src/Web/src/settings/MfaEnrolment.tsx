import { useMemo, useState, type FormEvent } from "react";
import { FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QRCodeSVG } from "qrcode.react";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { ProblemAlert } from "../screens/ProblemAlert";
import { SubmitButton } from "../screens/SubmitButton";
import { byFieldName } from "./fieldErrors";
import { useSingleSubmit } from "../forms/useSingleSubmit";

/**
 * Two-step sign-in: a QR code for the authenticator app (and the secret for typing in), a code to prove it works, then
 * the recovery codes, shown this once only (the API keeps only their hashes).
 */
export function MfaEnrolment() {
  const queries = useQueryClient();
  const me = useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/me");
      if (error) throw error;
      return data;
    },
  });
  const enrol = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/me/mfa/enroll");
      if (error) throw error;
      return data;
    },
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  // One object per answer: React Aria clears a field's server error on edit only while this stays the same object.
  const problemErrors = useMemo(() => byFieldName(problem), [problem]);
  const { pending, run } = useSingleSubmit();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code"));
    // Once at a time: a double click must not send it twice.
    void run(async () => {
      const { data, error } = await api.POST("/api/v1/me/mfa/confirm", { body: { code } });
      if (error) {
        const answer = toProblem(error, "That code did not work.");
        if (Object.keys(answer.fieldErrors).length === 0) answer.fieldErrors = { code: [answer.detail ?? answer.title] };
        return setProblem(answer);
      }
      setProblem(null);
      setRecoveryCodes(data?.recoveryCodes ?? []);
      void queries.invalidateQueries({ queryKey: ["me"] });
      void queries.invalidateQueries({ queryKey: ["users"] });
    });
  }

  const user = me.data as { mfaEnabled?: boolean } | undefined;
  return (
    <>
      <h2>Two-step sign-in</h2>
      {recoveryCodes ? (
        <div className="confirm" role="region" aria-label="Recovery codes">
          <p><strong>Two-step sign-in is on.</strong> Keep these recovery codes somewhere safe: each signs you in once if you lose your phone. They are not shown again.</p>
          <ul className="codes">{recoveryCodes.map((code) => <li key={code}><code>{code}</code></li>)}</ul>
        </div>
      ) : me.isPending ? (
        <p role="status">Loading…</p>
      ) : user?.mfaEnabled ? (
        <p>Two-step sign-in is on for your account.</p>
      ) : !enrol.data ? (
        <>
          <p>Ask for a code from an authenticator app when you sign in.</p>
          {enrol.error && <ProblemAlert problem={toProblem(enrol.error, "Could not start the set-up.")} />}
          <StartEnrolmentButton pending={enrol.isPending} onPress={() => enrol.mutate()} />
        </>
      ) : (
        <div className="mfa">
          <figure>
            <QRCodeSVG value={enrol.data.otpAuthUri ?? ""} size={192} marginSize={2} title="QR code for your authenticator app" role="img" />
            <figcaption>Scan with your authenticator app, or type this key: <code className="secret">{enrol.data.secret}</code></figcaption>
          </figure>
          <div className="form-edits" onInput={() => problem && setProblem(null)} onChange={() => problem && setProblem(null)}>
      <Form onSubmit={confirm} validationErrors={problemErrors} className="composer" aria-label="Confirm two-step sign-in">
            <ProblemAlert problem={problem} />
            <TextField name="code" isRequired className="field" autoComplete="one-time-code" inputMode="numeric">
              <Label>Code from the app</Label>
              <Input />
              <FieldError className="field-error" />
            </TextField>
            <SubmitButton pending={pending}>Turn on two-step sign-in</SubmitButton>
          </Form>
      </div>
        </div>
      )}
    </>
  );
}

function StartEnrolmentButton({ pending, onPress }: { pending: boolean; onPress: () => void }) {
  return (
    <button type="button" disabled={pending} onClick={onPress}>
      Set up two-step sign-in
    </button>
  );
}
