import { useEffect } from "react";
import { Button } from "react-aria-components";
import { NavLink, Outlet, useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { api, refreshSession } from "../api/client";
import { session } from "../auth/session";
import { useLiveUpdates } from "../live/useLiveUpdates";
import { NotificationBell } from "../notifications/NotificationBell";

/**
 * Navigation, notifications and sign-out around every signed-in screen; keeps the session's live stream, and refreshes
 * the access token a minute before it expires.
 */
export function AppShell() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const live = useLiveUpdates();

  useEffect(() => {
    let timer: number | undefined;
    const schedule = () => {
      window.clearTimeout(timer);
      const expiresAt = session.accessTokenExpiresAt;
      if (expiresAt) timer = window.setTimeout(refreshSession, Math.max(expiresAt.getTime() - Date.now() - 60_000, 0));
    };
    schedule();
    const unsubscribe = session.subscribe(schedule);
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  async function signOut() {
    await api.POST("/api/v1/auth/logout");
    session.signOut();
    queries.clear();
    navigate("/sign-in", { replace: true });
  }

  return (
    <div className="shell" data-live={live}>
      <header>
        <span className="brand">Platform</span>
        <nav aria-label="Main">
          <NavLink to="/accounts">Accounts</NavLink>
          <NavLink to="/posts">Posts</NavLink>
          <NavLink to="/compose">New post</NavLink>
          <NavLink to="/calendar">Calendar</NavLink>
          <NavLink to="/analytics">Analytics</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <NotificationBell />
        <Button onPress={signOut}>Sign out</Button>
      </header>
      {live === "reconnecting" && <p role="status" className="live-status">Live updates paused: reconnecting…</p>}
      <main>
        <Outlet />
      </main>
    </div>
  );
}
