import type { PacePointFragment } from '../../generated/graphql';
import { instant, money, percent, shortDay } from '../../ui/format';
import { PACE_COLOR, type ChartOption } from '../../ui/chart';

/** How many moments the pace chart asks progress at (the API allows 15 aliases in a document). */
export const PACE_POINTS = 12;

export type PaceMoments = { readonly [K in `a${number}`]: string };

/**
 * The moments to ask progress at: evenly from when the goal was proposed (or the period began,
 * if later) to the service's "now" (or the period's end, if earlier). Null when the span is empty.
 */
export function paceMoments(periodStart: string, periodEnd: string, proposedAt: string, now: string): string[] | null {
  const start = Math.max(Date.parse(`${periodStart}T00:00:00.000Z`), Date.parse(proposedAt));
  const end = Math.min(Date.parse(`${periodEnd}T23:59:59.999Z`), Date.parse(now));
  if (!(end > start)) return null;
  return Array.from({ length: PACE_POINTS }, (_, index) =>
    new Date(index === PACE_POINTS - 1 ? end : start + Math.floor(((end - start) * index) / (PACE_POINTS - 1))).toISOString(),
  );
}

export interface TargetChangeMark {
  readonly at: string;
  readonly from: string | null;
  readonly to: string;
}

/**
 * Won revenue as a share of the target in force at each moment (the API's attainment) against
 * the pace line (its expectedAttainment: the share of the period elapsed). Both are the API's
 * figures as they were known then; target revisions are marked where they were recorded.
 */
export function paceChart(points: readonly PacePointFragment[], changes: readonly TargetChangeMark[], currency: string): ChartOption {
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 56, bottom: 32, containLabel: false },
    legend: { top: 0, left: 0, textStyle: { color: '#1f2937' } },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = first === undefined ? undefined : points[first.dataIndex];
        if (point === undefined) return '';
        return [
          instant(point.asOf),
          `Won ${money(point.wonRevenue, currency)} of ${money(point.target, currency)}`,
          `${percent(point.attainment)} of target, pace ${percent(point.expectedAttainment)}`,
        ].join('\n');
      },
    },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (value: number) => shortDay(new Date(value).toISOString()), color: '#374151', hideOverlap: true },
    },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (value: number) => percent(value), color: '#374151' } },
    series: [
      {
        name: 'Won, share of target',
        type: 'line',
        step: false,
        symbolSize: 6,
        lineStyle: { width: 3, color: '#0f766e' },
        itemStyle: { color: '#0f766e' },
        data: points.map((point) => [point.asOf, point.attainment]),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#7c3aed', type: 'dashed', width: 1.5 },
          label: { formatter: '{b}', color: '#5b21b6', position: 'end' },
          data: changes
            .filter((change) => change.from !== null)
            .map((change) => ({ xAxis: change.at, name: `Target ${money(change.to, currency)}` })),
        },
      },
      {
        name: 'Pace',
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: PACE_COLOR },
        itemStyle: { color: PACE_COLOR },
        data: points.map((point) => [point.asOf, point.expectedAttainment]),
      },
    ],
  };
}
