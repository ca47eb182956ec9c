import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { components } from "../api/schema";

export type SocialPlatform = components["schemas"]["SocialPlatform"];
export type PlatformCheck = components["schemas"]["PlatformContentCheck"];

// Long enough that typing sends one check per pause, short enough that the counts feel live.
const pauseMs = 150;

/** Each platform's count and rule problems for the text, from the API's content rules, refreshed as the user types. */
export function useContentChecks(platforms: SocialPlatform[], text: string) {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), pauseMs);
    return () => window.clearTimeout(timer);
  }, [text]);

  const sorted = [...new Set(platforms)].sort();
  const checks = useQuery({
    queryKey: ["content-check", sorted, settled],
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    queryFn: async () => {
      const { data, error } = await api.POST("/api/v1/social-accounts/content-check", { body: { platforms: sorted, text: settled } });
      if (error) throw error;
      return data?.checks ?? [];
    },
  });
  return { checks: sorted.length > 0 ? (checks.data ?? []) : [], isCurrent: settled === text && !checks.isPlaceholderData, error: checks.error };
}
