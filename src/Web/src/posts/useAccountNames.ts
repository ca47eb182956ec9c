import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

/** The tenant's connected accounts, by id, as the screens name them. */
export function useAccountNames() {
  const accounts = useQuery({
    queryKey: ["social-accounts"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/social-accounts", { params: { query: { PageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const names = new Map((accounts.data?.items ?? []).map((account) => [account.id ?? "", account.displayName ?? account.handle ?? account.externalId ?? "Account"]));
  const platforms = new Map((accounts.data?.items ?? []).map((account) => [account.id ?? "", account.platform]));
  return {
    accounts: accounts.data?.items ?? [],
    nameOf: (id: string | undefined) => names.get(id ?? "") ?? "Account",
    platformOf: (id: string | undefined) => platforms.get(id ?? ""),
    isPending: accounts.isPending,
  };
}
