import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

/** The tenant's IANA time zone (its settings), in which posts are scheduled and the calendar is drawn. */
export function useTenantTimeZone() {
  const tenant = useQuery({
    queryKey: ["tenant"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/tenant");
      if (error) throw error;
      return data;
    },
  });
  return { timeZone: tenant.data?.settings?.timeZone || "UTC", isPending: tenant.isPending, error: tenant.error };
}
