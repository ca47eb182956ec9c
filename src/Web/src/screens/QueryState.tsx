import type { ReactNode } from "react";
import { toProblem } from "../api/problem";
import { ProblemAlert } from "./ProblemAlert";

type Props = { isPending: boolean; error: unknown; isEmpty: boolean; empty: ReactNode; children: ReactNode };

/** The loading, error and empty states every list shares. */
export function QueryState({ isPending, error, isEmpty, empty, children }: Props) {
  if (isPending) return <p role="status">Loading…</p>;
  if (error) return <ProblemAlert problem={toProblem(error, "Could not load this list.")} />;
  if (isEmpty) return <p>{empty}</p>;
  return <>{children}</>;
}
