// Presentation only: every figure is the API's own. Money keeps the API's exact decimal string
// (grouped, never parsed into a float); shares and ratios are shown as the API gives them,
// rounded for reading, with the exact value beside them in a <data> element.

const LOCALE = 'en-US';
const symbols = new Map<string, string>();

function symbolOf(currency: string): string {
  let symbol = symbols.get(currency);
  if (symbol === undefined) {
    try {
      symbol = new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? `${currency} `;
    } catch {
      symbol = `${currency} `;
    }
    symbols.set(currency, symbol);
  }
  return symbol;
}

/**
 * "125000.50", "USD" → "$125,000.50": the API's digits exactly, grouped by thousands; without a
 * known currency, the digits alone.
 */
export function money(amount: string, currency: string | null): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${currency === null ? '' : symbolOf(currency)}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

const percentFormat = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** A share of 1 as a percentage: 0.41666 → "41.7%". */
export function percent(share: number): string {
  return percentFormat.format(share);
}

/** A multiple such as a coverage: 1.5 → "1.5×". */
export function times(value: number): string {
  return `${decimalFormat.format(value)}×`;
}

/** A count that may be fractional (credited wins under split models): 1.305912 → "1.31". */
export function count(value: number): string {
  return decimalFormat.format(value);
}

/** A duration the API gives in hours: 3.25 → "3.25 h". */
export function hours(value: number): string {
  return `${decimalFormat.format(value)} h`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2026-01-05" → "Jan 5, 2026" (dates are UTC calendar days, PRODUCT §1). */
export function day(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

/** An instant in UTC: "Jan 5, 2026, 09:00 UTC". */
export function instant(iso: string): string {
  return instantFormat.format(new Date(iso));
}

/** "Jan 5" for chart axes. */
export function shortDay(iso: string): string {
  return shortDateFormat.format(new Date(iso));
}

export function period(from: string, to: string): string {
  return `${day(from)} – ${day(to)}`;
}

const MODEL_NAMES: Record<string, string> = {
  SHARED: 'Shared',
  FIRST_TOUCH: 'First touch',
  LAST_TOUCH: 'Last touch',
  LINEAR: 'Linear',
  U_SHAPED: 'U-shaped',
  W_SHAPED: 'W-shaped',
  TIME_DECAY: 'Time decay',
};

export function modelName(model: string): string {
  return MODEL_NAMES[model] ?? model;
}

/** "MARKETING" → "Marketing". */
export function titleCase(word: string): string {
  return word
    .toLowerCase()
    .split('_')
    .map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join(' ');
}

/** The deployment's currency from a query that asked one deal for it, or null before any deal. */
export function currencyOf(probe: { readonly edges: readonly { readonly node: { readonly currency: string } }[] }): string | null {
  return probe.edges[0]?.node.currency ?? null;
}
