import { useEffect, useId, useMemo, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { LeadFunnelDocument, LeadHandedOffDocument, LeadInboxDocument, type InboxLeadFragment, type LeadFunnelQuery } from '../../generated/graphql';
import { navigate } from '../../routing/router';
import { quarterOf, type Route } from '../../routing/routes';
import { Chart, type ChartOption } from '../../ui/chart';
import { currencyOf, hours, instant, money, percent, period } from '../../ui/format';
import { PeriodForm } from '../../ui/period-form';
import { Answer, Empty, Figure } from '../../ui/states';
import { QualificationSection } from './qualification';

type LeadsRoute = Extract<Route, { view: 'leads' }>;
/** The leads due soonest that the inbox shows. */
const INBOX_SIZE = 50;
/** setTimeout's longest wait. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;
type Funnel = LeadFunnelQuery['leadFunnel'];

/** Marketing's handoffs as both teams see them (PRODUCT §9): the funnel, sales' inbox, and the agreement behind both. */
export function LeadsView({ route }: { route: LeadsRoute }) {
  useEffect(() => {
    document.title = 'Leads · Tandem';
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>Leads</h1>
      <FunnelSection route={route} />
      <InboxSection />
      <QualificationSection />
    </>
  );
}

function FunnelSection({ route }: { route: LeadsRoute }) {
  const [fallback] = useState(() => quarterOf(new Date()));
  const from = route.from ?? fallback.from;
  const to = route.to ?? fallback.to;
  const funnel = useQuery(LeadFunnelDocument, { from, to, segment: route.segment ?? null, campaign: route.campaign ?? null });
  const segmentId = useId();
  const campaignId = useId();
  const [segment, setSegment] = useState(route.segment ?? '');
  const [campaign, setCampaign] = useState(route.campaign ?? '');
  const optional = (name: 'segment' | 'campaign', value: string) => (value.trim() === '' ? {} : { [name]: value.trim() });

  return (
    <section className="card" aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">Handoff funnel</h2>
      <PeriodForm
        key={`${from}:${to}:${route.segment ?? ''}:${route.campaign ?? ''}`}
        from={from}
        to={to}
        label="Handoffs to count"
        onApply={(chosen) => navigate({ view: 'leads', ...chosen, ...optional('segment', segment), ...optional('campaign', campaign) })}
      >
        <div className="field">
          <label htmlFor={segmentId}>Segment</label>
          <input id={segmentId} value={segment} onChange={(event) => setSegment(event.target.value)} placeholder="All segments" />
        </div>
        <div className="field">
          <label htmlFor={campaignId}>Campaign</label>
          <input id={campaignId} value={campaign} onChange={(event) => setCampaign(event.target.value)} placeholder="All campaigns" />
        </div>
      </PeriodForm>
      <Answer query={funnel} loading="Loading the funnel…">
        {(data) => <FunnelBody funnel={data.leadFunnel} currency={currencyOf(data.currency)} />}
      </Answer>
    </section>
  );
}

function FunnelBody({ funnel, currency }: { funnel: Funnel; currency: string | null }) {
  const option = useMemo(() => versionChart(funnel.byVersion), [funnel.byVersion]);
  const scope = `${period(funnel.from, funnel.to)}${funnel.segment === null ? '' : `, segment ${funnel.segment}`}${funnel.campaign === null ? '' : `, campaign ${funnel.campaign}`}`;
  if (funnel.handedOff === 0) return <Empty>No lead was handed off from {scope}.</Empty>;
  const number = (value: number) => <Figure value={value}>{value}</Figure>;
  const share = (value: number | null, none: string) => (value === null ? none : <Figure value={value}>{percent(value)}</Figure>);
  const duration = (value: number | null) => (value === null ? 'no answer yet' : <Figure value={value}>{hours(value)}</Figure>);

  return (
    <>
      <p className="summary">
        Handoffs made {scope}, as of {instant(funnel.asOf)}.
      </p>
      <dl className="figures in-threes">
        <div className="figure">
          <dt>Handed off</dt>
          <dd>
            <span className="big">{number(funnel.handedOff)}</span>
            <br />
            {number(funnel.meetingAgreement)} meeting the agreement, {number(funnel.belowAgreement)} below it
          </dd>
        </div>
        <div className="figure">
          <dt>Acceptance</dt>
          <dd>
            <span className="big">{share(funnel.acceptanceRate, 'No answer yet')}</span>
            <br />
            {number(funnel.accepted)} accepted, {number(funnel.rejected)} rejected, {number(funnel.pending)} pending
          </dd>
        </div>
        <div className="figure">
          <dt>Response time</dt>
          <dd>
            <span className="big">{duration(funnel.responseHoursP50)}</span> median
            <br />
            90th percentile {duration(funnel.responseHoursP90)}
          </dd>
        </div>
        <div className="figure">
          <dt>Late</dt>
          <dd>
            <span className="big">{number(funnel.late)}</span>
            <br />
            {share(funnel.lateRate, 'none')} of the handoffs answered late or overdue
          </dd>
        </div>
        <div className="figure">
          <dt>Converted</dt>
          <dd>
            <span className="big">{number(funnel.converted)}</span>
            <br />
            {share(funnel.conversionRate, 'none')} of the handoffs; {number(funnel.recycled)} recycled after a rejection
          </dd>
        </div>
        <div className="figure">
          <dt>Won</dt>
          <dd>
            <span className="big">
              <Figure value={funnel.wonRevenue}>{money(funnel.wonRevenue, currency)}</Figure>
            </span>
            <br />
            {number(funnel.won)} {funnel.won === 1 ? 'deal' : 'deals'}, win rate {share(funnel.winRate, 'n/a')}
          </dd>
        </div>
      </dl>

      <h3 id="versions-heading">By version of the agreement</h3>
      <p className="hint">Each handoff counts under the version in force when it was made: a new version never rewrites what was measured before.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="versions-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" className="number">Handed off</th>
              <th scope="col" className="number">Accepted</th>
              <th scope="col" className="number">Rejected</th>
              <th scope="col" className="number">Late</th>
              <th scope="col" className="number">Acceptance</th>
            </tr>
          </thead>
          <tbody>
            {funnel.byVersion.map((row) => (
              <tr key={row.version} data-version={row.version}>
                <th scope="row">Version {row.version}</th>
                <td className="number" data-column="handedOff">{number(row.handedOff)}</td>
                <td className="number" data-column="accepted">{number(row.accepted)}</td>
                <td className="number" data-column="rejected">{number(row.rejected)}</td>
                <td className="number" data-column="late">{number(row.late)}</td>
                <td className="number" data-column="acceptanceRate">{share(row.acceptanceRate, 'n/a')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Chart option={option} label="Bar chart of the handoffs accepted, rejected and late under each version of the agreement; the table above holds the same figures." />

      <h3 id="rejections-heading">Why sales rejected</h3>
      <p className="hint">Each reason as the catalog names it now, with its share of the rejected handoffs.</p>
      {funnel.rejectionReasons.length === 0 ? (
        <Empty>No handoff of this period was rejected.</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rejections-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col" className="number">Leads</th>
                <th scope="col" className="number">Share</th>
              </tr>
            </thead>
            <tbody>
              {funnel.rejectionReasons.map((row) => (
                <tr key={row.reason.code} data-reason={row.reason.code}>
                  <th scope="row">
                    {row.reason.label}
                    <span className="note">{row.reason.code}</span>
                  </th>
                  <td className="number">{number(row.leads)}</td>
                  <td className="number">
                    <Figure value={row.share}>{percent(row.share)}</Figure>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function versionChart(versions: Funnel['byVersion']): ChartOption {
  const series = (name: string, color: string, value: (row: Funnel['byVersion'][number]) => number) => ({
    name,
    type: 'bar' as const,
    itemStyle: { color },
    data: versions.map(value),
  });
  return {
    animation: false,
    legend: { top: 0, left: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: versions.map((row) => `Version ${row.version}`), axisLabel: { color: '#374151' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#374151' } },
    series: [
      series('Accepted', '#0f766e', (row) => row.accepted),
      series('Rejected', '#b45309', (row) => row.rejected),
      series('Late', '#7c3aed', (row) => row.late),
    ],
  };
}

interface LiveState {
  readonly updates: number;
  readonly error: string | null;
}

/** Sales' queue: leads awaiting an answer, the overdue ones first, asked again at every new handoff. */
function InboxSection() {
  const inbox = useQuery(LeadInboxDocument, { first: INBOX_SIZE }, { keepPrevious: true });
  const live = useLiveInbox(inbox.refetch);
  useAskWhenDue(inbox.status === 'data' ? inbox.data.leadInbox : null, inbox.refetch);
  return (
    <section className="card" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">Sales' inbox</h2>
      <p className="hint">Leads awaiting sales' answer: the overdue ones first, then by when the answer is due.</p>
      <Answer query={inbox} loading="Loading the inbox…">
        {(data, refreshing) => (
          <>
            {data.leadInbox.length === 0 ? <Empty>No lead awaits sales' answer.</Empty> : <InboxTable leads={data.leadInbox} />}
            {data.leadInbox.length === INBOX_SIZE && <p className="hint">The {INBOX_SIZE} leads due soonest are shown.</p>}
            <p className="as-of" aria-live="polite">
              {refreshing ? 'Updating… · ' : ''}
              {live.error === null ? (live.updates > 0 ? `Updated live (${live.updates} new ${live.updates === 1 ? 'handoff' : 'handoffs'})` : 'Live') : `Live updates paused: ${live.error}`}
            </p>
          </>
        )}
      </Answer>
    </section>
  );
}

/** leadHandedOff: every handoff (re-handoffs too) asks the inbox again. */
function useLiveInbox(refetch: () => void): LiveState {
  const api = useApi();
  const [state, setState] = useState<LiveState>({ updates: 0, error: null });
  useEffect(
    () =>
      api.subscribe(
        LeadHandedOffDocument,
        {},
        {
          next: () => {
            refetch();
            setState((current) => ({ updates: current.updates + 1, error: null }));
          },
          error: (error) => setState((current) => ({ ...current, error: error.message })),
        },
      ),
    [api, refetch],
  );
  return state;
}

/**
 * The service says which leads are overdue, as of its own clock; a lead falls due while the inbox
 * is open, so the inbox asks again when the next answer is due by this browser's clock.
 */
function useAskWhenDue(leads: readonly InboxLeadFragment[] | null, refetch: () => void): void {
  useEffect(() => {
    const now = Date.now();
    const due = (leads ?? []).filter((lead) => !lead.overdue).map((lead) => Date.parse(lead.respondBy)).filter((at) => at > now);
    if (due.length === 0) return;
    const timer = setTimeout(refetch, Math.min(Math.min(...due) - now + 1000, LONGEST_WAIT_MS));
    return () => clearTimeout(timer);
  }, [leads, refetch]);
}

function InboxTable({ leads }: { leads: readonly InboxLeadFragment[] }) {
  // Overdue first, each group in the API's order (earliest respondBy first).
  const rows = [...leads.filter((lead) => lead.overdue), ...leads.filter((lead) => !lead.overdue)];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="inbox-heading">
      <table className="inbox">
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Answer due</th>
            <th scope="col">Handed off</th>
            <th scope="col">Source</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((lead) => (
            <tr key={lead.id} data-lead={lead.id} className={lead.overdue ? 'overdue' : undefined}>
              <th scope="row">
                {lead.account}
                <span className="note">{[lead.contact, lead.segment, lead.id].filter((part) => part !== null && part !== '').join(' · ')}</span>
              </th>
              <td>
                {instant(lead.respondBy)} {lead.overdue && <span className="badge warn">Overdue</span>}
              </td>
              <td>
                {instant(lead.handedOffAt)}
                {lead.handoffs > 1 && <span className="note">handoff {lead.handoffs}</span>}
              </td>
              <td>
                {lead.channel}
                {lead.campaign !== null && <span className="note">{lead.campaign}</span>}
              </td>
              <td>
                {lead.meetsAgreement ? 'Meets' : <span className="badge warn">Below</span>} version {lead.agreementVersion}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
