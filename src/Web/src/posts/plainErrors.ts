import type { components } from "../api/schema";

export type TargetErrorKind = components["schemas"]["TargetErrorKind"];
export type TargetStatus = components["schemas"]["TargetStatus"];

// What went wrong, in words a marketer acts on; the platform's own message follows it as the detail.
const kinds: Record<TargetErrorKind, string> = {
  RateLimited: "The platform refused: too many posts in a short time. Wait a little, then retry.",
  TokenExpired: "The account's sign-in expired. Reconnect the account, then retry.",
  TokenRevoked: "Access to the account was withdrawn on the platform. Reconnect the account, then retry.",
  ContentRejected: "The platform refused the content (too long, a media file it cannot take, or a duplicate).",
  Transient: "The platform was unavailable or did not answer in time.",
  Permanent: "The platform refused the post for good.",
  Unknown: "We could not tell whether the platform published it.",
  Missed: "It was not sent in time: the scheduled moment passed too long ago.",
  NotSent: "It was not sent yet.",
  AccountPaused: "Publishing to this account is paused.",
};

export const plainError = (kind: TargetErrorKind | null | undefined) => (kind ? kinds[kind] : null);

const statuses: Record<TargetStatus, string> = {
  Pending: "Waiting to be sent",
  Publishing: "Sending now",
  Published: "Published",
  Failed: "Failed",
  Unconfirmed: "Not confirmed",
};

export const plainStatus = (status: TargetStatus | null | undefined) => (status ? statuses[status] : "Unknown");
