import { useState } from "react";
import { Button } from "react-aria-components";
import { useQuery } from "@tanstack/react-query";
import { useLocation } from "react-router";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import type { components } from "../api/schema";
import { callbackUri } from "../accounts/callbackUri";
import { ProblemAlert } from "./ProblemAlert";
import { QueryState } from "./QueryState";

type Platform = components["schemas"]["SocialPlatform"];
type Status = components["schemas"]["AccountStatus"];

const platforms: Platform[] = ["Instagram", "X", "LinkedIn", "Facebook", "TikTok", "YouTube", "Pinterest", "Threads", "Reddit"];
const reconnectHint: Record<Status, string | null> = {
  Active: null,
  Expired: "The platform's token expired: reconnect to keep publishing.",
  Revoked: "Access was revoked on the platform: reconnect to keep publishing.",
  NeedsReconnect: "The platform refused this account's token: reconnect; its posts wait until then.",
};

export function Accounts() {
  const accounts = useQuery({
    queryKey: ["social-accounts"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/social-accounts", { params: { query: { PageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const health = useQuery({
    queryKey: ["account-health"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/posts/account-health", { params: { query: { pageSize: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  const [connectProblem, setConnectProblem] = useState<Problem | null>(null);
  const justConnected = (useLocation().state as { connected?: number } | null)?.connected;

  async function connect(platform: Platform) {
    setConnectProblem(null);
    const { data, error } = await api.GET("/api/v1/social-accounts/auth-url/{platform}", {
      params: { path: { platform }, query: { RedirectUri: callbackUri(platform) } },
    });
    if (error || !data?.authorizationUrl) {
      setConnectProblem(toProblem(error, `${platform} cannot be connected right now.`));
      return;
    }
    window.location.assign(data.authorizationUrl);
  }

  const items = accounts.data?.items ?? [];
  const healthOf = (id: string) => health.data?.items?.find((entry) => entry.accountId === id)?.health;

  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">Social accounts</h1>
      {justConnected !== undefined && <p role="status">{justConnected === 1 ? "Account connected." : `${justConnected} accounts connected.`}</p>}
      <QueryState isPending={accounts.isPending} error={accounts.error} isEmpty={items.length === 0} empty="No accounts connected yet. Connect one below.">
        <table>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Platform</th>
              <th scope="col">Status</th>
              <th scope="col">Token expires</th>
              <th scope="col">Publishing health</th>
            </tr>
          </thead>
          <tbody>
            {items.map((account) => (
              <tr key={account.id}>
                <td>{account.displayName ?? account.handle ?? account.externalId}</td>
                <td>{account.platform}</td>
                <td>
                  {account.status}
                  {account.status && reconnectHint[account.status] && <p className="hint">{reconnectHint[account.status]}</p>}
                </td>
                <td>{account.tokenExpiresAt ? new Date(account.tokenExpiresAt).toLocaleString() : "never"}</td>
                <td>{(account.id && healthOf(account.id)) ?? "unknown"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      <h2>Connect an account</h2>
      <ProblemAlert problem={connectProblem} />
      <div className="connect">
        {platforms.map((platform) => (
          <Button key={platform} onPress={() => connect(platform)}>
            Connect {platform}
          </Button>
        ))}
      </div>
    </section>
  );
}
