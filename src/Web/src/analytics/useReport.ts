import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

export type ReportFilter = { From: string; To: string; Platform?: string };

/** The three analytics reports for one period (dates in the tenant's time zone) and platform, asked again every `every` ms when given. */
export function useReports(filter: ReportFilter, every: number | false = false) {
  const query = { From: filter.From, To: filter.To, ...(filter.Platform ? { Platform: filter.Platform } : {}) };
  const overview = useQuery({
    queryKey: ["analytics", "overview", query],
    refetchInterval: every,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/analytics/overview", { params: { query } });
      if (error) throw error;
      return data;
    },
  });
  const topPosts = useQuery({
    queryKey: ["analytics", "top-posts", query],
    refetchInterval: every,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/analytics/top-posts", { params: { query: { ...query, limit: 10 } } });
      if (error) throw error;
      return data;
    },
  });
  const bestTimes = useQuery({
    queryKey: ["analytics", "best-times", query],
    refetchInterval: every,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/analytics/best-times", { params: { query: { ...query, minPosts: 1 } } });
      if (error) throw error;
      return data;
    },
  });
  return { overview, topPosts, bestTimes };
}
