import type { Actor, ActorTeam } from '#shared';
import type { Random } from '../random.js';

// Who acts in the simulated company, and the vocabulary of its deals. Fixed lists, so the
// history depends on the seed alone.

const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Wes', 'Yuki'];
const LAST_NAMES = ['Archer', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hale', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Petrov'];

function person(team: ActorTeam, index: number, lead = false): Actor {
  const name = `${FIRST_NAMES[(index * 7 + team.length) % FIRST_NAMES.length]} ${LAST_NAMES[(index * 5 + team.length * 3) % LAST_NAMES.length]}`;
  const id = lead ? `${team.toLowerCase()}-lead` : `${team.toLowerCase()}-${String(index + 1).padStart(2, '0')}`;
  return { id, name, team, lead };
}

export const SALES_REPS: readonly Actor[] = Array.from({ length: 24 }, (_, index) => person('SALES', index));
export const MARKETERS: readonly Actor[] = Array.from({ length: 10 }, (_, index) => person('MARKETING', index));
export const SALES_LEAD = person('SALES', 90, true);
export const MARKETING_LEAD = person('MARKETING', 91, true);
export const EXECUTIVES: readonly Actor[] = Array.from({ length: 2 }, (_, index) => person('EXECUTIVE', index));
export const REVOPS: readonly Actor[] = Array.from({ length: 3 }, (_, index) => person('REVOPS', index));

export interface Segment {
  readonly name: string | null;
  /** Share of the deals. */
  readonly weight: number;
  /** Whole currency units; amounts are drawn log-uniformly between them. */
  readonly minAmount: number;
  readonly maxAmount: number;
  /** Days from opening to a close. */
  readonly minCycleDays: number;
  readonly maxCycleDays: number;
  /** Of the deals that close. */
  readonly winRate: number;
}

export const SEGMENTS: readonly Segment[] = [
  { name: 'SMB', weight: 0.43, minAmount: 2_000, maxAmount: 25_000, minCycleDays: 14, maxCycleDays: 60, winRate: 0.45 },
  { name: 'MID_MARKET', weight: 0.3, minAmount: 15_000, maxAmount: 120_000, minCycleDays: 30, maxCycleDays: 120, winRate: 0.38 },
  { name: 'ENTERPRISE', weight: 0.14, minAmount: 80_000, maxAmount: 900_000, minCycleDays: 60, maxCycleDays: 220, winRate: 0.3 },
  { name: 'PUBLIC_SECTOR', weight: 0.1, minAmount: 40_000, maxAmount: 400_000, minCycleDays: 90, maxCycleDays: 270, winRate: 0.33 },
  // Deals nobody filed under a segment: the overall goals count them, the segment goals do not.
  { name: null, weight: 0.03, minAmount: 5_000, maxAmount: 60_000, minCycleDays: 20, maxCycleDays: 90, winRate: 0.4 },
];

/** The mean of a log-uniform draw between min and max. */
export const meanAmount = (segment: Segment): number =>
  (segment.maxAmount - segment.minAmount) / Math.log(segment.maxAmount / segment.minAmount);

const ACCOUNT_PREFIXES = ['Northwind', 'Bluepeak', 'Cedar', 'Driftwood', 'Everstone', 'Foxglove', 'Granite', 'Harbor', 'Ironbark', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Oakridge', 'Pinecrest', 'Quarry', 'Redwood', 'Silverline', 'Tidewater', 'Upland', 'Vantage', 'Willow', 'Zephyr'];
const ACCOUNT_SUFFIXES = ['Logistics', 'Health', 'Bank', 'Foods', 'Energy', 'Labs', 'Retail', 'Insurance', 'Media', 'Robotics', 'Travel', 'Software', 'Foundry', 'Pharma', 'Telecom', 'University', 'City Council', 'Freight'];
const PRODUCTS = ['Platform', 'Analytics add-on', 'Enterprise license', 'Renewal', 'Expansion', 'Pilot', 'Onboarding package', 'Data connector'];

export const accountName = (random: Random): string =>
  `${random.pick(ACCOUNT_PREFIXES)} ${random.pick(ACCOUNT_SUFFIXES)}${random.chance(0.3) ? ` ${random.int(2, 9)}` : ''}`;

export const dealTitle = (random: Random, account: string): string => `${account}: ${random.pick(PRODUCTS)}`;

export const MARKETING_CHANNELS = ['webinar', 'email nurture', 'paid search', 'trade show', 'whitepaper download', 'social', 'partner referral'];
export const SALES_CHANNELS = ['call', 'meeting', 'demo', 'email', 'proposal review', 'site visit'];
const CAMPAIGN_THEMES = ['pipeline-accelerator', 'cfo-roadshow', 'product-launch', 'security-week', 'customer-stories', 'industry-report'];

export const campaignName = (random: Random, at: number): string => {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}-${random.pick(CAMPAIGN_THEMES)}`;
};

export const COMPETITORS = ['Acme CRM', 'Pipedrift', 'Salesforge', 'HubStack', 'Zenloop', 'Closely', 'Quotient'];

/**
 * How often each reason is the one given; codes not listed weigh 5. Each team leans its own way,
 * so the two perspectives of a retrospective often disagree, as they do in life.
 */
export const LOSS_WEIGHTS: Readonly<Record<string, number>> = {
  PRICE_TOO_HIGH: 20, LOST_TO_COMPETITOR: 18, NO_DECISION: 14, MISSING_FEATURE: 12, BAD_TIMING: 10,
  POOR_LEAD_FIT: 8, WEAK_FOLLOW_UP: 6, UNCLEAR_VALUE: 6, CHAMPION_LEFT: 4,
};
export const MARKETING_LOSS_LEAN: Readonly<Record<string, number>> = { WEAK_FOLLOW_UP: 12, MISSING_FEATURE: 12, PRICE_TOO_HIGH: 10 };
export const SALES_LOSS_LEAN: Readonly<Record<string, number>> = { POOR_LEAD_FIT: 14, UNCLEAR_VALUE: 10, LOST_TO_COMPETITOR: 10 };
export const WIN_WEIGHTS: Readonly<Record<string, number>> = {
  PRODUCT_FIT: 20, STRONG_RELATIONSHIP: 14, BEST_VALUE: 12, TIMELY_FOLLOW_UP: 10, RELEVANT_CONTENT: 8, QUALIFIED_LEAD: 8,
};
export const MARKETING_WIN_LEAN: Readonly<Record<string, number>> = { RELEVANT_CONTENT: 16, QUALIFIED_LEAD: 14 };
export const SALES_WIN_LEAN: Readonly<Record<string, number>> = { STRONG_RELATIONSHIP: 16, TIMELY_FOLLOW_UP: 14 };

export const NOTES = [
  'Budget moved to next fiscal year.',
  'Champion was strong, procurement was slow.',
  'They compared us on price line by line.',
  'The demo landed; the integration question did not.',
  'Follow-up after the trade show came late.',
  'Security review took six weeks.',
  'Good fit from the first call.',
];

export const ACTION_ITEMS = [
  'Share the pricing objections with product marketing',
  'Build a comparison sheet against the main competitor',
  'Follow up within 24 hours after every event lead',
  'Add the integration roadmap to the proposal template',
  'Review lead scoring for this segment',
  'Record a customer story with this account',
];

/** A weighted pick among `codes`; codes absent from every table weigh 5. */
export function pickReason(random: Random, codes: readonly string[], ...weights: Readonly<Record<string, number>>[]): string {
  const table: Record<string, number> = {};
  for (const code of codes) table[code] = weights.reduce((sum, weight) => sum + (weight[code] ?? 0), 0) || 5;
  return random.weighted(table);
}
