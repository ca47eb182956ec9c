import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";
import { session, type Tokens } from "../auth/session";

// Same origin: the host serves both the app and the API.
export const api = createClient<paths>({ baseUrl: "" });

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair once, however many requests found the access token expired. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.storedRefreshToken;
    if (!refreshToken) return false;
    const { data } = await api.POST("/api/v1/auth/refresh", { body: { refreshToken } });
    if (data?.accessToken && data.refreshToken) {
      session.signIn(data as Tokens);
      return true;
    }
    session.signOut();
    return false;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const isAuthCall = (url: string) => new URL(url, location.origin).pathname.startsWith("/api/v1/auth/");

// A request's body can be read once, by the fetch that sends it: a retry needs a copy of it taken before.
const sentBodies = new WeakMap<Request, ArrayBuffer>();

// Every call carries the access token; a 401 outside the auth endpoints refreshes silently and retries once.
const bearer: Middleware = {
  async onRequest({ request }) {
    if (session.accessToken && !isAuthCall(request.url)) {
      request.headers.set("Authorization", `Bearer ${session.accessToken}`);
    }
    if (request.body && !isAuthCall(request.url)) sentBodies.set(request, await request.clone().arrayBuffer());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || isAuthCall(request.url) || request.headers.get("X-Retried")) return response;
    if (!(await refreshSession())) return response;
    const retry = new Request(request.url, { method: request.method, headers: new Headers(request.headers), body: sentBodies.get(request) });
    retry.headers.set("Authorization", `Bearer ${session.accessToken}`);
    retry.headers.set("X-Retried", "1");
    // The window's own fetch: called as a method of another object (openapi-fetch's options) it throws "Illegal invocation".
    return fetch(retry);
  },
};
api.use(bearer);
