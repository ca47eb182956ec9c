import { useEffect, useState, useSyncExternalStore } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { session } from "../auth/session";
import { keepLiveStream, type LiveState } from "./liveConnection";
import { applyLiveEvent, refetchAfterGap } from "./liveEvents";

/**
 * The signed-in session's one live stream, kept by the shell around every signed-in screen: its events update the cached
 * answers the screens show. Closed on sign-out; a refreshed access token does not reopen it (the host checked the token
 * when the stream opened), though a reconnection sends the current one.
 */
export function useLiveUpdates(): LiveState {
  const queries = useQueryClient();
  const signedIn = useSyncExternalStore(session.subscribe, () => session.accessToken !== null);
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (!signedIn) return;
    const stop = new AbortController();
    void keepLiveStream(
      {
        onEvent: (event) => applyLiveEvent(queries, event),
        onOpen: (afterGap) => afterGap && refetchAfterGap(queries),
        onState: (next) => !stop.signal.aborted && setState(next),
      },
      stop.signal,
    );
    return () => stop.abort();
  }, [signedIn, queries]);

  return signedIn ? state : "closed";
}
