import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api } from "../api/client";
import { toProblem, type Problem } from "../api/problem";
import { BestTimesHeatmap } from "../analytics/BestTimesHeatmap";
import { downloadCsv } from "../analytics/downloadCsv";
import { useReports, type ReportFilter } from "../analytics/useReport";
import { addDays, todayIn } from "../calendar/days";
import { useSingleSubmit } from "../forms/useSingleSubmit";
import { useAccountNames } from "../posts/useAccountNames";
import { useTenantTimeZone } from "../posts/useTenantTimeZone";
import { ProblemAlert } from "./ProblemAlert";

const platforms = ["Instagram", "X", "LinkedIn", "Facebook", "TikTok", "YouTube", "Pinterest", "Threads", "Reddit"];
const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(2)}%`);
// A follower count with its change over the range ("1,204 (+31)"); a dash where the platform offers none.
const followers = (count: number | null | undefined, change: number | null | undefined) =>
  count === null || count === undefined
    ? "—"
    : `${count.toLocaleString()}${change ? ` (${change > 0 ? "+" : ""}${change.toLocaleString()})` : ""}`;

/** Engagement over time, per platform and per account, the best posts and the best times to post, and a CSV export. */
export default function Analytics() {
  const { timeZone } = useTenantTimeZone();
  const today = todayIn(timeZone);
  const [filter, setFilter] = useState<ReportFilter>({ From: addDays(today, -29), To: today });
  // After asking the platforms for fresh figures, the reports are asked again every few seconds for a minute, as they land.
  const [watching, setWatching] = useState(false);
  const { overview, topPosts, bestTimes } = useReports(filter, watching ? 3000 : false);
  const refreshing = useSingleSubmit();
  const [refreshProblem, setRefreshProblem] = useState<Problem | null>(null);
  useEffect(() => {
    if (!watching) return;
    const timer = window.setTimeout(() => setWatching(false), 60_000);
    return () => window.clearTimeout(timer);
  }, [watching]);
  const refresh = () => refreshing.run(async () => {
    setRefreshProblem(null);
    const { error } = await api.POST("/api/v1/analytics/refresh");
    if (error) return setRefreshProblem(toProblem(error, "The figures could not be fetched now."));
    setWatching(true);
  });
  const { nameOf } = useAccountNames();
  const [exporting, setExporting] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);

  async function exportCsv() {
    setExporting(true);
    setExportProblem(await downloadCsv(filter));
    setExporting(false);
  }

  const totals = overview.data?.totals;
  const days = (overview.data?.days ?? []).map((day) => ({ day: day.day, engagements: day.totals?.engagements ?? 0, impressions: day.totals?.impressions ?? 0 }));
  const byPlatform = (overview.data?.platforms ?? []).map((row) => ({ platform: row.platform, engagements: row.totals?.engagements ?? 0 }));
  const hasData = (totals?.targets ?? 0) > 0;

  return (
    <section aria-labelledby="analytics-title">
      <h1 id="analytics-title">Analytics</h1>
      <div className="toolbar filters">
        <label>
          From <input type="date" value={filter.From} max={filter.To} onChange={(event) => event.target.value && setFilter({ ...filter, From: event.target.value })} />
        </label>
        <label>
          To <input type="date" value={filter.To} min={filter.From} onChange={(event) => event.target.value && setFilter({ ...filter, To: event.target.value })} />
        </label>
        <label>
          Platform{" "}
          <select value={filter.Platform ?? ""} onChange={(event) => setFilter({ ...filter, Platform: event.target.value || undefined })}>
            <option value="">All platforms</option>
            {platforms.map((platform) => <option key={platform} value={platform}>{platform}</option>)}
          </select>
        </label>
        <Button isDisabled={exporting} onPress={exportCsv}>Export CSV</Button>
        <Button className="secondary" isDisabled={refreshing.pending} onPress={refresh}>Fetch the latest figures</Button>
        <span className="description">Days in {timeZone}</span>
      </div>
      {exportProblem && <div role="alert" className="alert">{exportProblem}</div>}
      <ProblemAlert problem={refreshProblem} />
      {watching && <p role="status">Asking each platform for the latest figures; they appear here as they arrive.</p>}
      {overview.isPending && <p role="status">Loading…</p>}
      {overview.error ? <ProblemAlert problem={toProblem(overview.error, "Could not load analytics.")} /> : null}
      {overview.data && (
        <>
          <dl className="totals">
            <div><dt>Posts measured</dt><dd>{totals?.targets ?? 0}</dd></div>
            <div><dt>Impressions</dt><dd>{totals?.impressions ?? 0}</dd></div>
            <div><dt>Engagements</dt><dd>{totals?.engagements ?? 0}</dd></div>
            <div><dt>Engagement rate</dt><dd>{percent(totals?.engagementRate)}</dd></div>
          </dl>
          {!hasData ? (
            <p className="empty">No published posts have figures in this period yet. Figures arrive a few hours after a post is published.</p>
          ) : (
            <>
              <h2>Engagement over time</h2>
              <figure className="chart" aria-label="Engagements and impressions per day">
                <ResponsiveContainer width="100%" height={260}>
                  <LineChart data={days}>
                    <CartesianGrid stroke="#e5e7eb" />
                    <XAxis dataKey="day" />
                    <YAxis />
                    <Tooltip />
                    <Legend />
                    <Line type="monotone" dataKey="engagements" stroke="#1d4ed8" dot={false} />
                    <Line type="monotone" dataKey="impressions" stroke="#b45309" dot={false} />
                  </LineChart>
                </ResponsiveContainer>
              </figure>
              <h2>By platform</h2>
              <figure className="chart" aria-label="Engagements per platform">
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={byPlatform}>
                    <CartesianGrid stroke="#e5e7eb" />
                    <XAxis dataKey="platform" />
                    <YAxis />
                    <Tooltip />
                    <Bar dataKey="engagements" fill="#1d4ed8" />
                  </BarChart>
                </ResponsiveContainer>
              </figure>
              <h2>By account</h2>
              <div className="scroll">
                <table>
                  <thead>
                    <tr><th scope="col">Account</th><th scope="col">Platform</th><th scope="col">Engagements</th><th scope="col">Engagement rate</th><th scope="col">Followers</th></tr>
                  </thead>
                  <tbody>
                    {(overview.data.accounts ?? []).map((row) => (
                      <tr key={row.accountId}>
                        <td>{nameOf(row.accountId)}</td>
                        <td>{row.platform}</td>
                        <td>{row.totals?.engagements ?? 0}</td>
                        <td>{percent(row.totals?.engagementRate)}</td>
                        <td>{followers(row.followers, row.followersChange)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
      <h2>Top posts</h2>
      {topPosts.error ? <ProblemAlert problem={toProblem(topPosts.error, "Could not load the top posts.")} /> : null}
      {topPosts.isPending ? <p role="status">Loading…</p> : (topPosts.data?.posts ?? []).length === 0 ? (
        <p className="empty">No posts to rank in this period.</p>
      ) : (
        <ol className="top-posts">
          {(topPosts.data?.posts ?? []).map((post) => (
            <li key={post.postId}>
              <Link to={`/posts/${post.postId}`}>{post.platforms?.join(", ") || "Post"} · {post.firstPublishedAt ? new Date(post.firstPublishedAt).toLocaleDateString() : ""}</Link>{" "}
              {percent(post.totals?.engagementRate)} engagement, {post.totals?.engagements ?? 0} engagements
            </li>
          ))}
        </ol>
      )}
      <h2>Best times to post</h2>
      {bestTimes.error ? <ProblemAlert problem={toProblem(bestTimes.error, "Could not load the best times.")} /> : null}
      {bestTimes.isPending ? <p role="status">Loading…</p> : (bestTimes.data?.platforms ?? []).filter((entry) => (entry.grid ?? []).length > 0).length === 0 ? (
        <p className="empty">Not enough published posts yet to suggest times.</p>
      ) : (
        (bestTimes.data?.platforms ?? []).map((entry) => (
          <div key={entry.platform}>
            <h3>{entry.platform}</h3>
            <BestTimesHeatmap platform={entry} />
          </div>
        ))
      )}
    </section>
  );
}
