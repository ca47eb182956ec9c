import type { Problem } from "../api/problem";

export function ProblemAlert({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div role="alert" className="alert">
      <strong>{problem.title}</strong>
      {problem.detail && <p>{problem.detail}</p>}
    </div>
  );
}
