/**
 * Where a platform sends the user back after they authorize the app: register this URL (per platform) as the OAuth
 * redirect URI. The same string is sent when asking for the authorization URL and when finishing the connection,
 * since the API and the platform both compare it exactly.
 */
export const callbackUri = (platform: string) => `${window.location.origin}/accounts/callback/${platform.toLowerCase()}`;

const platformNames = ["Instagram", "X", "LinkedIn", "Facebook", "TikTok", "YouTube", "Pinterest", "Threads", "Reddit"];

/** The platform's own spelling for a callback path's lower-case name ("linkedin" is LinkedIn). */
export const platformName = (path: string) => platformNames.find((name) => name.toLowerCase() === path.toLowerCase()) ?? path;
