import { useEffect, useId, useState } from 'react';
import { useQuery } from '../../api/use-query';
import { teamName } from '../../auth/claims';
import { ReasonReportDocument, type InsightFragment, type ReasonKind, type ReasonReportQuery } from '../../generated/graphql';
import { Link, navigate } from '../../routing/router';
import { quarterOf, type Route } from '../../routing/routes';
import { currencyOf, instant, money, percent, period, titleCase } from '../../ui/format';
import { PeriodForm } from '../../ui/period-form';
import { Answer, Empty, Figure } from '../../ui/states';

type ReasonsRoute = Extract<Route, { view: 'reasons' }>;

const TRENDS: Record<string, { readonly arrow: string; readonly word: string }> = {
  NEW: { arrow: '★', word: 'New' },
  RISING: { arrow: '↑', word: 'Rising' },
  STEADY: { arrow: '→', word: 'Steady' },
  FALLING: { arrow: '↓', word: 'Falling' },
};

/** Why deals are lost (or won) in a window: recurring reasons first, and how far both teams agree. */
export function ReasonsView({ route }: { route: ReasonsRoute }) {
  const [fallback] = useState(() => quarterOf(new Date()));
  const from = route.from ?? fallback.from;
  const to = route.to ?? fallback.to;
  const report = useQuery(ReasonReportDocument, { kind: route.kind, from, to, segment: route.segment ?? null });
  const kindId = useId();
  const segmentId = useId();
  const [kind, setKind] = useState<ReasonKind>(route.kind);
  const [segment, setSegment] = useState(route.segment ?? '');

  useEffect(() => {
    document.title = `${route.kind === 'LOSS' ? 'Loss' : 'Win'} reasons · Tandem`;
  }, [route.kind]);

  return (
    <>
      <h1 tabIndex={-1}>{route.kind === 'LOSS' ? 'Why deals are lost' : 'Why deals are won'}</h1>
      <PeriodForm
        key={`${route.kind}:${from}:${to}:${route.segment ?? ''}`}
        from={from}
        to={to}
        label="Reasons to show"
        onApply={(chosen) => navigate({ view: 'reasons', kind, ...chosen, ...(segment.trim() === '' ? {} : { segment: segment.trim() }) })}
      >
        <div className="field">
          <label htmlFor={kindId}>Reasons for</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as ReasonKind)}>
            <option value="LOSS">Losses</option>
            <option value="WIN">Wins</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={segmentId}>Segment</label>
          <input id={segmentId} value={segment} onChange={(event) => setSegment(event.target.value)} placeholder="All segments" />
        </div>
      </PeriodForm>
      <Answer query={report} loading="Loading the reasons…">
        {(data) => <Report data={data} route={route} />}
      </Answer>
    </>
  );
}

function Report({ data, route }: { data: ReasonReportQuery; route: ReasonsRoute }) {
  const report = data.reasonInsights;
  const currency = currencyOf(data.currency);
  const outcome = report.kind === 'LOSS' ? 'lost' : 'won';
  if (report.deals === 0) {
    return (
      <Empty>
        No deal was {outcome} from {period(report.from, report.to)}
        {report.segment === null ? '' : ` in segment ${report.segment}`}.
      </Empty>
    );
  }
  // Recurring reasons first, each group in the API's order (most deals first).
  const rows = [...report.reasons.filter((insight) => insight.recurring), ...report.reasons.filter((insight) => !insight.recurring)];
  const selected = route.reason === undefined ? undefined : report.reasons.find((insight) => insight.reason.code === route.reason);
  const recurring = rows.filter((insight) => insight.recurring).length;

  return (
    <>
      <p className="summary">
        <Figure value={report.deals}>{report.deals}</Figure> {report.deals === 1 ? 'deal' : 'deals'} {outcome} for{' '}
        <Figure value={report.revenue}>{money(report.revenue, currency)}</Figure>, {period(report.from, report.to)}
        {report.segment === null ? '' : `, segment ${report.segment}`}.{' '}
        {recurring === 0 ? 'No reason recurs yet.' : `${recurring} ${recurring === 1 ? 'reason recurs' : 'reasons recur'}.`}
      </p>
      {rows.length === 0 ? (
        <Empty>These deals cite no reason yet: none has a retrospective with perspectives.</Empty>
      ) : (
        <section className="card" aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">Reasons cited</h2>
          <p className="hint">Recurring reasons first; share of the {outcome} deals citing each, against the window just before.</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="reasons-heading">
            <table className="reasons">
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" className="number">Deals</th>
                  <th scope="col" className="number">Share</th>
                  <th scope="col" className="number">Revenue</th>
                  <th scope="col">Trend</th>
                  <th scope="col" className="number">Agreement</th>
                  <th scope="col">Cited by</th>
                  <th scope="col">Competitors</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((insight) => (
                  <InsightRow key={insight.reason.code} insight={insight} route={route} currency={currency} selected={insight === selected} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {route.reason !== undefined && (
        <ReasonDetail insight={selected} code={route.reason} route={route} currency={currency} />
      )}
    </>
  );
}

function InsightRow({ insight, route, currency, selected }: { insight: InsightFragment; route: ReasonsRoute; currency: string | null; selected: boolean }) {
  const trend = TRENDS[insight.trend] ?? { arrow: '', word: insight.trend };
  return (
    <tr className={insight.recurring ? 'recurring' : undefined} aria-current={selected ? 'true' : undefined} data-reason={insight.reason.code}>
      <th scope="row">
        <Link to={{ ...route, reason: insight.reason.code }}>{insight.reason.label}</Link>
        {insight.recurring && <span className="badge warn">Recurring</span>}
        <span className="note">{insight.reason.code}</span>
      </th>
      <td className="number">
        <Figure value={insight.deals}>{insight.deals}</Figure>
      </td>
      <td className="number">
        <Figure value={insight.share}>{percent(insight.share)}</Figure>
      </td>
      <td className="number">
        <Figure value={insight.revenue}>{money(insight.revenue, currency)}</Figure>
      </td>
      <td>
        <span aria-hidden="true">{trend.arrow}</span> {trend.word}
        <span className="note">{insight.previousDeals} before</span>
      </td>
      <td className="number">{insight.agreement === null ? <span title="No deal has both teams' perspectives">n/a</span> : <Figure value={insight.agreement}>{percent(insight.agreement)}</Figure>}</td>
      <td>{insight.citedBy.map((team) => `${teamName(team.team)} ${team.perspectives}`).join(' · ')}</td>
      <td>{insight.competitors.length === 0 ? 'none' : insight.competitors.map((entry) => `${entry.competitor} (${entry.deals})`).join(', ')}</td>
    </tr>
  );
}

function ReasonDetail({ insight, code, route, currency }: { insight: InsightFragment | undefined; code: string; route: ReasonsRoute; currency: string | null }) {
  const { reason: _reason, ...rest } = route;
  return (
    <section className="card" aria-labelledby="reason-heading">
      <h2 id="reason-heading">{insight === undefined ? code : insight.reason.label}</h2>
      {insight === undefined ? (
        <Empty>No deal in this window cites {code}.</Empty>
      ) : (
        <>
          <p>
            {titleCase(insight.reason.category)} · cited by <Figure value={insight.deals}>{insight.deals}</Figure> of the deals (
            <Figure value={insight.share}>{percent(insight.share)}</Figure>) for <Figure value={insight.revenue}>{money(insight.revenue, currency)}</Figure>;{' '}
            {insight.previousDeals} in the window before. Last seen {instant(insight.lastSeenAt)}.
          </p>
        </>
      )}
      <p>
        <Link to={rest}>Back to all reasons</Link>
      </p>
    </section>
  );
}
