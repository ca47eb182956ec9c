import type { Problem } from "../api/problem";

/** Field errors keyed by the last part of the API's property path ("settings.TimeZone" is timeZone), as forms name fields. */
export function byFieldName(problem: Problem | null): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(problem?.fieldErrors ?? {})) {
    const last = path.split(".").pop() ?? path;
    errors[last.charAt(0).toLowerCase() + last.slice(1)] = messages;
  }
  return errors;
}
