import { useCallback, useRef, useState } from "react";

/**
 * Runs a submission at most once at a time. The flag is a ref, not state: a double click delivers its second click
 * before React has drawn the disabled button, and state read in that second handler is still "not pending".
 */
export function useSingleSubmit() {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (submit: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    try {
      await submit();
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);
  return { pending, run };
}
