import type { ReactNode } from "react";
import { Button } from "react-aria-components";

/**
 * A form's submit button, disabled while its request runs so a double click never submits twice. Not the library's
 * isPending: that announces through a live region labelled by the button, which is left pointing at nothing once the
 * form navigates away (axe-core: role-img-alt).
 */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Button type="submit" isDisabled={pending} aria-busy={pending || undefined}>
      {children}
    </Button>
  );
}
