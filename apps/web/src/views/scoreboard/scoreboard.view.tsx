import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../../api/use-query';
import { teamName } from '../../auth/claims';
import type { BoardFragment, ScoreboardAllQuery } from '../../generated/graphql';
import { ScoreboardAllDocument } from '../../generated/graphql';
import { navigate } from '../../routing/router';
import { quarterOf, type Route } from '../../routing/routes';
import { Chart, TEAM_COLORS, type ChartOption } from '../../ui/chart';
import { count, currencyOf, modelName, money, period } from '../../ui/format';
import { PeriodForm } from '../../ui/period-form';
import { Answer, Empty, Figure } from '../../ui/states';

type ScoreboardRoute = Extract<Route, { view: 'scoreboard' }>;

const MODEL_NOTES: Record<string, string> = {
  SHARED: 'every win counts in full for both teams',
  FIRST_TOUCH: 'all to the first element of the path',
  LAST_TOUCH: 'all to the last touch before closing',
  LINEAR: 'evenly over the path',
  U_SHAPED: '40% first, 40% last, 20% the rest',
  W_SHAPED: '30% first, 30% creation, 30% last, 10% the rest',
  TIME_DECAY: 'halving every 7 days before the close',
};

/** The same wins credited under every model, side by side. */
export function ScoreboardView({ route }: { route: ScoreboardRoute }) {
  const [fallback] = useState(() => quarterOf(new Date()));
  const from = route.from ?? fallback.from;
  const to = route.to ?? fallback.to;
  const boards = useQuery(ScoreboardAllDocument, { from, to });

  useEffect(() => {
    document.title = 'Scoreboard · Tandem';
  }, []);

  return (
    <>
      <h1 tabIndex={-1}>Scoreboard</h1>
      <PeriodForm key={`${from}:${to}`} from={from} to={to} onApply={(chosen) => navigate({ view: 'scoreboard', ...chosen })} />
      <Answer query={boards} loading="Loading the scoreboard…">
        {(data) => <Boards data={data} from={from} to={to} />}
      </Answer>
    </>
  );
}

function boardsOf(data: ScoreboardAllQuery): BoardFragment[] {
  return [data.shared, data.firstTouch, data.lastTouch, data.linear, data.uShaped, data.wShaped, data.timeDecay];
}

function Boards({ data, from, to }: { data: ScoreboardAllQuery; from: string; to: string }) {
  const boards = boardsOf(data);
  const currency = currencyOf(data.currency);
  const option = useMemo(() => creditChart(boards), [boards]);
  if (data.shared.wonDeals === 0) return <Empty>No deal was won from {period(from, to)}.</Empty>;
  const credit = (board: BoardFragment, team: 'MARKETING' | 'SALES') => board.credit.find((row) => row.team === team)!;
  const cash = (amount: string) => <Figure value={amount}>{money(amount, currency)}</Figure>;
  const shared = data.shared;

  return (
    <>
      <p className="summary">
        <strong>{cash(shared.wonRevenue)}</strong> won from <Figure value={shared.wonDeals}>{shared.wonDeals}</Figure>{' '}
        {shared.wonDeals === 1 ? 'deal' : 'deals'}, {period(from, to)}.
      </p>
      <section className="card" aria-labelledby="models-heading">
        <h2 id="models-heading">Credit under every model</h2>
        <p className="hint">Revenue and wins credited to each team; under the split models the two add up to the won revenue.</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="models-heading">
          <table className="scoreboard">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="number">Marketing revenue</th>
                <th scope="col" className="number">Marketing wins</th>
                <th scope="col" className="number">Sales revenue</th>
                <th scope="col" className="number">Sales wins</th>
              </tr>
            </thead>
            <tbody>
              {boards.map((board) => (
                <tr key={board.model} data-model={board.model}>
                  <th scope="row">
                    {modelName(board.model)}
                    <span className="note">{MODEL_NOTES[board.model]}</span>
                  </th>
                  <td className="number">{cash(credit(board, 'MARKETING').creditedRevenue)}</td>
                  <td className="number">
                    <Figure value={credit(board, 'MARKETING').creditedWins}>{count(credit(board, 'MARKETING').creditedWins)}</Figure>
                  </td>
                  <td className="number">{cash(credit(board, 'SALES').creditedRevenue)}</td>
                  <td className="number">
                    <Figure value={credit(board, 'SALES').creditedWins}>{count(credit(board, 'SALES').creditedWins)}</Figure>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Chart option={option} label="Bar chart of the revenue credited to marketing and to sales under each model; the table above holds the same figures." />
      </section>
      <section className="card" aria-labelledby="sourced-heading">
        <h2 id="sourced-heading">Sourced and influenced</h2>
        <p className="hint">The same under every model: who opened the won deals, and who touched them before they closed.</p>
        <ul className="plain">
          {shared.credit.map((row) => (
            <li key={row.team} data-team={row.team}>
              <strong>{teamName(row.team)}:</strong> sourced {cash(row.sourcedRevenue)}, influenced {cash(row.influencedRevenue)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function creditChart(boards: readonly BoardFragment[]): ChartOption {
  const series = (team: 'MARKETING' | 'SALES') => ({
    name: teamName(team),
    type: 'bar' as const,
    itemStyle: { color: TEAM_COLORS[team] },
    // Bar lengths only; every figure shown in words is the API's exact string.
    data: boards.map((board) => Number(board.credit.find((row) => row.team === team)?.creditedRevenue ?? 0)),
  });
  return {
    animation: false,
    legend: { top: 0, left: 0 },
    grid: { left: 64, right: 16, top: 40, bottom: 56 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: boards.map((board) => modelName(board.model)), axisLabel: { interval: 0, rotate: 30, color: '#374151' } },
    yAxis: { type: 'value', axisLabel: { color: '#374151' } },
    series: [series('MARKETING'), series('SALES')],
  };
}
