import type { components } from "../api/schema";
import { useAccountNames } from "../posts/useAccountNames";

type Platform = components["schemas"]["SocialPlatform"];
type Status = components["schemas"]["PostStatus"];

export type Filters = { account: string; platform: string; status: string };

const platforms: Platform[] = ["Instagram", "X", "LinkedIn", "Facebook", "TikTok", "YouTube", "Pinterest", "Threads", "Reddit"];
// Drafts have no date, so the calendar never shows them.
const statuses: { value: Status; label: string }[] = [
  { value: "Scheduled", label: "Scheduled" },
  { value: "Publishing", label: "Publishing" },
  { value: "Published", label: "Published" },
  { value: "PartiallyPublished", label: "Partially published" },
  { value: "Failed", label: "Failed" },
];

/** The calendar's account, platform and status choices; the screen keeps them in the address, so reload and back keep them. */
export function CalendarFilters({ filters, onChange }: { filters: Filters; onChange: (next: Partial<Filters>) => void }) {
  const { accounts } = useAccountNames();
  const active = filters.account !== "" || filters.platform !== "" || filters.status !== "";
  return (
    <div className="toolbar filters" role="group" aria-label="Filters">
      <label>
        Account
        <select value={filters.account} onChange={(event) => onChange({ account: event.target.value })}>
          <option value="">All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>{account.displayName ?? account.handle ?? account.externalId} ({account.platform})</option>
          ))}
        </select>
      </label>
      <label>
        Platform
        <select value={filters.platform} onChange={(event) => onChange({ platform: event.target.value })}>
          <option value="">All platforms</option>
          {platforms.map((platform) => <option key={platform} value={platform.toLowerCase()}>{platform}</option>)}
        </select>
      </label>
      <label>
        Status
        <select value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">Any status</option>
          {statuses.map((status) => <option key={status.value} value={status.value}>{status.label}</option>)}
        </select>
      </label>
      {active && <button type="button" className="secondary" onClick={() => onChange({ account: "", platform: "", status: "" })}>Clear filters</button>}
    </div>
  );
}
