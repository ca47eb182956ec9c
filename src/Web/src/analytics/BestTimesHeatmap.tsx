import type { components } from "../api/schema";

type PlatformBestTimes = components["schemas"]["PlatformBestTimes"];

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** Weekday × hour of engagement rate with the number of posts behind each cell; darker is better. */
export function BestTimesHeatmap({ platform }: { platform: PlatformBestTimes }) {
  const slots = new Map((platform.grid ?? []).map((slot) => [`${slot.weekday}-${slot.hour}`, slot]));
  const best = Math.max(0, ...(platform.grid ?? []).map((slot) => slot.engagementRate ?? 0));
  return (
    <div className="scroll">
      <table className="heatmap" aria-label={`Best times on ${platform.platform}`}>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {hours.map((hour) => <th key={hour} scope="col">{String(hour).padStart(2, "0")}</th>)}
          </tr>
        </thead>
        <tbody>
          {weekdays.map((day) => (
            <tr key={day}>
              <th scope="row">{day.slice(0, 3)}</th>
              {hours.map((hour) => {
                const slot = slots.get(`${day}-${hour}`);
                const rate = slot?.engagementRate ?? null;
                const level = rate === null || best === 0 ? 0 : Math.ceil((rate / best) * 4);
                const label = slot ? `${day} ${hour}:00: ${rate === null ? "no rate" : `${(rate * 100).toFixed(1)}%`} from ${slot.posts} posts` : `${day} ${hour}:00: no posts`;
                return (
                  <td key={hour} className={`heat-${level}`} title={label} aria-label={label}>
                    {slot?.posts ? slot.posts : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
