// The signed-in session: the access token lives in memory only; the refresh token is kept in sessionStorage so a reload
// of the tab stays signed in, and it is rotated by every refresh (the API revokes a reused one).
export type Tokens = { accessToken: string; accessTokenExpiresAt: string; refreshToken: string };

const refreshKey = "platform.refreshToken";
let current: Tokens | null = null;
const listeners = new Set<() => void>();

export const session = {
  get accessToken() {
    return current?.accessToken ?? null;
  },
  get storedRefreshToken() {
    return current?.refreshToken ?? sessionStorage.getItem(refreshKey);
  },
  get accessTokenExpiresAt() {
    return current ? new Date(current.accessTokenExpiresAt) : null;
  },
  signIn(tokens: Tokens) {
    current = tokens;
    sessionStorage.setItem(refreshKey, tokens.refreshToken);
    listeners.forEach((listener) => listener());
  },
  signOut() {
    current = null;
    sessionStorage.removeItem(refreshKey);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
