import type { PlatformCheck } from "./useContentChecks";

export type CountLine = { platform: string; label: string; over: boolean; reasons: string[] };

/**
 * The composer's count for each platform, as the API's content rules counted it (an X URL weighs 23, an emoji 2;
 * LinkedIn counts characters): never recounted here, so the screen and the publisher cannot disagree. A platform with
 * a rule problem is marked, and any problem blocks saving.
 */
export function countLines(checks: PlatformCheck[]): { lines: CountLine[]; blocked: boolean } {
  const lines = checks.map((check) => ({
    platform: check.platform ?? "",
    label: check.maxLength ? `${check.length ?? 0} / ${check.maxLength}` : `${check.length ?? 0}`,
    over: (check.violations?.length ?? 0) > 0,
    reasons: (check.violations ?? []).map((violation) => violation.reason ?? "").filter(Boolean),
  }));
  return { lines, blocked: lines.some((line) => line.over) };
}
