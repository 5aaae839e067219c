import { describeTarget, met, ratio, type Measure, type Row } from './rows.js';

export function formatMeasure({ value, unit }: Measure): string {
  if (!Number.isFinite(value)) return `— ${unit}`;
  const digits = unit === 'ms' || unit === 's' ? (value < 10 ? 2 : 1) : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** The report as a Markdown table, so that BENCHMARKS.md can show it as printed. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['subject', 'figure', 'baseline', 'ratio', 'target', 'met'];
  const cells = rows.map((row) => {
    const value = ratio(row);
    const errors = row.errors ?? 0;
    return [
      row.subject,
      formatMeasure(row.figure) + (errors > 0 ? ` (${errors.toLocaleString('en-US')} error${errors === 1 ? '' : 's'})` : '') + (row.note === undefined ? '' : `; ${row.note}`),
      row.baseline === undefined ? '' : `${row.baseline.name}: ${formatMeasure(row.baseline.figure)}`,
      value === undefined ? '' : value.toFixed(2),
      describeTarget(row),
      met(row),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
