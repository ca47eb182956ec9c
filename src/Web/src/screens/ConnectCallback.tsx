import { useEffect, useRef, useState, type FormEvent } from "react";
import { Checkbox, CheckboxGroup, Form, Label } from "react-aria-components";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import type { components } from "../api/schema";
import { callbackUri, platformName } from "../accounts/callbackUri";
import { ProblemAlert } from "./ProblemAlert";
import { SubmitButton } from "./SubmitButton";
import { useSingleSubmit } from "../forms/useSingleSubmit";

type Selection = components["schemas"]["SelectionDto"];

// An authorization code and its state are single use: a second render must not send them again.
const finished = new Set<string>();

/**
 * The page a platform redirects to after the user authorized the app: it hands the code and state to the API, which
 * connects the account; when the login manages several (Facebook Pages, Instagram accounts), the user picks which.
 */
export function ConnectCallback() {
  const { platform: path = "" } = useParams();
  const platform = platformName(path);
  const [query] = useSearchParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const { pending, run } = useSingleSubmit();
  const started = useRef(false);

  const connected = (count: number) => {
    void queries.invalidateQueries({ queryKey: ["social-accounts"] });
    navigate("/accounts", { replace: true, state: { connected: count } });
  };

  useEffect(() => {
    const code = query.get("code");
    const state = query.get("state");
    if (started.current) return;
    started.current = true;
    if (query.get("error")) {
      // The user declined, or the platform refused the request (OAuth 2.0 error response, RFC 6749 section 4.1.2.1).
      setProblem({ title: `${platform} did not connect the account.`, detail: query.get("error_description") ?? query.get("error") ?? undefined, fieldErrors: {} });
      return;
    }
    if (!code || !state || finished.has(state)) {
      setProblem({ title: "This link does not finish a connection.", detail: "Start again from the accounts screen.", fieldErrors: {} });
      return;
    }
    finished.add(state);
    void (async () => {
      const { data, error } = await api.POST("/api/v1/social-accounts/connect", {
        body: { platform, code, state, redirectUri: callbackUri(path) },
      });
      if (error || !data) {
        setProblem(toProblem(error, `${platform} could not be connected.`));
      } else if (data.selection?.candidates?.length) {
        setSelection(data.selection);
      } else {
        connected(data.accounts?.length ?? 0);
      }
    })();
  });

  function select(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selection?.id) return;
    // Once at a time: a double click must not send it twice.
    void run(async () => {
      const { data, error } = await api.POST("/api/v1/social-accounts/connect/select", { body: { selectionId: selection.id, externalIds: chosen } });
      if (error || !data) {
        setProblem(toProblem(error, "The chosen accounts could not be connected."));
        return;
      }
      connected(data.accounts?.length ?? 0);
    });
  }

  return (
    <section aria-labelledby="callback-title">
      <h1 id="callback-title">Connecting {platform}</h1>
      <ProblemAlert problem={problem} />
      {!problem && !selection && <p role="status">Finishing the connection…</p>}
      {selection && (
        <Form onSubmit={select}>
          <CheckboxGroup value={chosen} onChange={setChosen} isRequired className="choices">
            <Label>Which accounts should the team publish to?</Label>
            {selection.candidates?.map((candidate) => (
              <Checkbox key={candidate.externalId} value={candidate.externalId ?? ""}>
                {candidate.displayName ?? candidate.handle ?? candidate.externalId}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <SubmitButton pending={pending}>Connect selected</SubmitButton>
        </Form>
      )}
      {problem && <Link to="/accounts">Back to accounts</Link>}
    </section>
  );
}
