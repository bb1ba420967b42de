import { useId } from 'react';
import type { DayAccuracy } from '@/engine/mastery';
import { plural } from '@/lib/plural';

/** At most this many days are drawn: the most recent ones practised. */
const MAX_DAYS = 30;
/** Room for at least this many columns, so that a few days do not make a few giant bars. */
const MIN_SLOTS = 10;
const SLOT = 10;
const BAR = 6;

const DAY_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** "9 Jan" for "2025-01-09" (a calendar day, so read in UTC whatever the learner's zone). */
function dayLabel(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : DAY_LABEL.format(time);
}

function summary(days: readonly DayAccuracy[]): string {
  const percents = days.map((day) => day.percent);
  const last = days[days.length - 1];
  if (!last) return '';
  return (
    `Accuracy on the last ${plural(days.length, 'day')} practised: lowest ${Math.min(...percents)}%, ` +
    `highest ${Math.max(...percents)}%, latest ${last.percent}% on ${dayLabel(last.day)}.`
  );
}

/**
 * A column per day practised (share of points earned), drawn by hand as SVG: see
 * docs/decisions/004-hand-drawn-progress-chart.md. The table beside it is the text alternative.
 */
export function AccuracyChart({ days: allDays }: { days: readonly DayAccuracy[] }) {
  const titleId = useId();
  const days = allDays.slice(-MAX_DAYS);
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last)
    return <p className="muted">Your accuracy will show here once you have answered some questions.</p>;
  const width = Math.max(days.length, MIN_SLOTS) * SLOT;

  return (
    <figure className="accuracy">
      <div className="accuracy__plot">
        <div className="accuracy__axis" aria-hidden="true">
          <span>100%</span>
          <span>50%</span>
          <span>0%</span>
        </div>
        <svg
          className="accuracy__chart"
          viewBox={`0 0 ${width} 100`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={titleId}
        >
          <title id={titleId}>{summary(days)}</title>
          {[0, 50, 100].map((value) => (
            <line
              key={value}
              className="accuracy__grid"
              x1={0}
              x2={width}
              y1={100 - value}
              y2={100 - value}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {days.map((day, index) => (
            // A day with nothing right still shows a sliver, so that it reads as practised.
            <rect
              key={day.day}
              className="accuracy__bar"
              x={index * SLOT + (SLOT - BAR) / 2}
              y={100 - Math.max(day.percent, 1)}
              width={BAR}
              height={Math.max(day.percent, 1)}
            />
          ))}
        </svg>
      </div>
      <figcaption className="accuracy__caption">
        {days.length === 1
          ? `One column for the one day you practised, ${dayLabel(first.day)}: the share of points you earned.`
          : `One column per day you practised, from ${dayLabel(first.day)} to ${dayLabel(last.day)}: the share of points you earned.`}
      </figcaption>
      <details className="accuracy__numbers">
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">Accuracy per day practised</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Answers</th>
              <th scope="col">Points</th>
              <th scope="col">Accuracy</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row">{dayLabel(day.day)}</th>
                <td>{day.answered}</td>
                <td>{day.points}</td>
                <td>{day.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
