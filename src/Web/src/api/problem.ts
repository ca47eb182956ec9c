// RFC 9457 problem details as the API answers them, reduced to what a screen shows.
export type Problem = {
  title: string;
  detail?: string;
  status?: number;
  mfaRequired?: boolean;
  /** Field errors keyed by the request's JSON property name (camelCase), ready for a form's validationErrors. */
  fieldErrors: Record<string, string[]>;
};

export function toProblem(error: unknown, fallback = "Something went wrong. Try again."): Problem {
  const body = (error ?? {}) as { title?: string; detail?: string; status?: number; mfaRequired?: boolean; errors?: Record<string, string[]> };
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(body.errors ?? {})) {
    fieldErrors[name.charAt(0).toLowerCase() + name.slice(1)] = messages;
  }
  return { title: body.title ?? fallback, detail: body.detail, status: body.status, mfaRequired: body.mfaRequired === true, fieldErrors };
}
