import { useEffect, useState, useSyncExternalStore } from "react";
import { Navigate, Outlet } from "react-router";
import { refreshSession } from "../api/client";
import { session } from "./session";

/** Signed-in screens: after a reload the kept refresh token is traded silently; without one, to the sign-in screen. */
export function RequireSession() {
  const accessToken = useSyncExternalStore(session.subscribe, () => session.accessToken);
  const [restoring, setRestoring] = useState(() => !session.accessToken && !!session.storedRefreshToken);

  useEffect(() => {
    if (restoring) refreshSession().finally(() => setRestoring(false));
  }, [restoring]);

  if (restoring) return <p role="status">Signing you in…</p>;
  return accessToken ? <Outlet /> : <Navigate to="/sign-in" replace />;
}
