import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECharts } from 'echarts/core';

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export interface ChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for those who do not see it; the data is also in a table beside it. */
  readonly label: string;
}

/** Draws with ECharts on a canvas (drawing needs no inline styles the page's CSP would refuse). */
function EChart({ option, label }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    let stopped = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ init }) => {
      if (stopped || element.current === null) return;
      chart.current = init(element.current, undefined, { renderer: 'canvas' });
      chart.current.setOption(latest.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element.current);
    });
    return () => {
      stopped = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} className="chart" role="img" aria-label={label} />;
}

/** What draws charts: ECharts in the page, a stand-in in component tests (jsdom has no canvas). */
export const ChartRenderer = createContext<(props: ChartProps) => ReactNode>((props) => <EChart {...props} />);

export function Chart(props: ChartProps) {
  return useContext(ChartRenderer)(props);
}

export const TEAM_COLORS = { MARKETING: '#1d4ed8', SALES: '#b45309' } as const;
export const PACE_COLOR = '#4b5563';
