import { useState, type ChangeEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import type { components } from "../api/schema";
import { dayIn } from "../calendar/reschedule";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { useAccountNames } from "../posts/useAccountNames";
import { useTenantTimeZone } from "../posts/useTenantTimeZone";
import { ProblemAlert } from "./ProblemAlert";

type Preview = components["schemas"]["BulkPreviewResponse"];
type RowError = { row: number; errors: string[] };

// The CSV goes as it is: the API reads the same text for the preview and for the import.
const asCsv = { bodySerializer: (body: unknown) => body as string, headers: { "Content-Type": "text/csv" } };

/** Posts from a CSV file: choose it, see row by row what would be scheduled or what is wrong, then schedule them all. */
export function Import() {
  const { timeZone } = useTenantTimeZone();
  const { nameOf } = useAccountNames();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refusedRows, setRefusedRows] = useState<Map<number, string[]>>(new Map());
  const checking = useSingleSubmit();
  const importing = useSingleSubmit();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setProblem(null);
    setRefusedRows(new Map());
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    // Emptied, so choosing the same file again after fixing it is a change and is checked again.
    event.target.value = "";
    setFile({ name: chosen.name, text });
    await checking.run(async () => {
      const { data, error } = await api.POST("/api/v1/posts/bulk/csv/preview", { body: text as never, ...asCsv });
      if (error) return setProblem(toProblem(error, "The file could not be checked."));
      setPreview(data ?? null);
    });
  }

  const ready = preview !== null && preview.total === preview.ready && (preview.total ?? 0) > 0;
  const schedule = () => importing.run(async () => {
    if (!file || !ready) return;
    setProblem(null);
    const { error } = await api.POST("/api/v1/posts/bulk/csv", { body: file.text as never, ...asCsv });
    if (error) {
      // Something changed since the preview (an account disconnected, a time now past): the rows say what.
      const rows = ((error as { rows?: RowError[] }).rows ?? []);
      setRefusedRows(new Map(rows.map((row) => [row.row, row.errors])));
      return setProblem(toProblem(error, "The posts could not be scheduled."));
    }
    await queries.invalidateQueries({ queryKey: ["calendar"] });
    await queries.invalidateQueries({ queryKey: ["posts"] });
    const first = (preview?.rows ?? []).map((row) => row.dueAt).filter((at): at is string => !!at).sort()[0];
    navigate(`/calendar?view=month&date=${first ? dayIn(timeZone, first) : ""}`, { state: { imported: preview?.total } });
  });

  const when = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import posts from CSV</h1>
      <p className="description">
        One post per row, with a header row: <code>scheduled_at</code>, <code>accounts</code> (account ids separated by <code>;</code>) and <code>content</code> are
        required; <code>time_zone</code>, <code>title</code>, <code>type</code> and <code>link</code> are optional. A time without a zone is read in the row's
        <code> time_zone</code>, else in UTC. At most 500 rows. Nothing is scheduled until every row is fine.
      </p>
      <label className="field">
        CSV file
        <input type="file" accept=".csv,text/csv" onChange={choose} disabled={checking.pending || importing.pending} />
      </label>
      {checking.pending && <p role="status">Checking {file?.name}…</p>}
      <ProblemAlert problem={problem} />
      {preview && (
        <>
          <p role="status">
            {file?.name}: {preview.ready} of {preview.total} rows ready{preview.ready === preview.total ? "." : `; ${(preview.total ?? 0) - (preview.ready ?? 0)} with problems to fix in the file before importing.`}
          </p>
          <div className="scroll">
            <table className="stack preview" aria-label="Rows to import">
              <thead>
                <tr><th scope="col">Row</th><th scope="col">When</th><th scope="col">Accounts</th><th scope="col">Post</th><th scope="col">Problems</th></tr>
              </thead>
              <tbody>
                {(preview.rows ?? []).map((row) => {
                  const errors = [...(row.errors ?? []), ...(refusedRows.get(row.row ?? 0) ?? [])];
                  return (
                    <tr key={row.row} className={errors.length > 0 ? "invalid" : undefined}>
                      <th scope="row">{row.row}</th>
                      <td data-label="When">{row.dueAt ? when.format(new Date(row.dueAt)) : row.scheduledAt ?? "—"}</td>
                      <td data-label="Accounts">{(row.accountIds ?? []).map((id) => nameOf(id)).join(", ") || "—"}{row.platforms?.length ? ` (${row.platforms.join(", ")})` : ""}</td>
                      <td data-label="Post">{row.title && <strong>{row.title}: </strong>}{(row.content ?? "").slice(0, 140)}</td>
                      <td data-label="Problems">
                        {errors.length === 0 ? "Ready" : <ul className="field-error">{errors.map((error) => <li key={error}>{error}</li>)}</ul>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" disabled={!ready || importing.pending} aria-busy={importing.pending || undefined} onClick={schedule}>
              Schedule {preview.ready} {preview.ready === 1 ? "post" : "posts"}
            </button>
            <Link to="/calendar">Back to the calendar</Link>
          </div>
        </>
      )}
    </section>
  );
}
