import type { LoadTargets } from '../generator/history.js';
import type { Role } from './tokens.js';

/** A query driven under load, with what the issue asks of it. */
export interface QuerySubject {
  readonly key: string;
  readonly label: string;
  readonly role: Role;
  readonly query: (targets: LoadTargets) => string;
  /** At least this share of the service's own `health` throughput. */
  readonly minShareOfHealth?: number;
  readonly maxP99Ms?: number;
}

const PROGRESS_FIELDS = 'asOf target wonRevenue wonDeals lostDeals attainment expectedAttainment onPace remaining openPipeline pipelineCoverage winRate credit { team creditedRevenue creditedWins sourcedRevenue influencedRevenue }';

export const HEALTH_QUERY = '{ health { status } }';

/** Asked of a live service to learn whether every projection has caught up. */
export const PROJECTIONS_QUERY = '{ health { status projections { name status error } } }';

export const QUERY_SUBJECTS: readonly QuerySubject[] = [
  {
    key: 'progressNow',
    label: 'sharedGoal.progress (now)',
    role: 'executive',
    query: ({ goalNow }) => `{ sharedGoal(id: "${goalNow.id}") { id progress { ${PROGRESS_FIELDS} } } }`,
    minShareOfHealth: 0.8,
    maxP99Ms: 50,
  },
  {
    key: 'progressPast',
    label: 'progress at a past asOf',
    role: 'executive',
    query: ({ goalPast, pastAsOf }) => `{ sharedGoal(id: "${goalPast.id}") { id progress(asOf: "${pastAsOf}") { ${PROGRESS_FIELDS} } } }`,
    maxP99Ms: 50,
  },
  {
    key: 'progressSeries',
    label: 'progress at 12 asOf points (one request)',
    role: 'executive',
    query: ({ goalPast, series }) =>
      `{ sharedGoal(id: "${goalPast.id}") { id ${series
        .map((asOf, index) => `p${index + 1}: progress(asOf: "${asOf}") { asOf target wonRevenue expectedAttainment onPace }`)
        .join(' ')} } }`,
    maxP99Ms: 100,
  },
  {
    key: 'scoreboard',
    label: 'scoreboard (quarter, W_SHAPED)',
    role: 'executive',
    query: ({ window }) =>
      `{ scoreboard(from: "${window.from}", to: "${window.to}", model: W_SHAPED) { wonDeals wonRevenue credit { team creditedRevenue creditedWins sourcedRevenue influencedRevenue } } }`,
    minShareOfHealth: 0.8,
    maxP99Ms: 50,
  },
  {
    key: 'reasonInsights',
    label: 'reasonInsights (LOSS, quarter)',
    role: 'marketing',
    query: ({ window }) =>
      `{ reasonInsights(kind: LOSS, from: "${window.from}", to: "${window.to}") { deals revenue reasons { reason { code label } deals revenue share previousDeals trend recurring agreement citedBy { team perspectives } competitors { competitor deals } } } }`,
    minShareOfHealth: 0.8,
    maxP99Ms: 50,
  },
  {
    key: 'leadFunnel',
    label: 'leadFunnel (quarter)',
    role: 'marketing',
    query: ({ window }) =>
      `{ leadFunnel(from: "${window.from}", to: "${window.to}") { handedOff meetingAgreement belowAgreement accepted rejected pending recycled converted won wonRevenue acceptanceRate conversionRate winRate responseHoursP50 responseHoursP90 late lateRate rejectionReasons { reason { code label } leads share } byVersion { version handedOff accepted rejected late acceptanceRate } } }`,
    minShareOfHealth: 0.8,
    maxP99Ms: 50,
  },
  {
    key: 'deals',
    label: 'deals(first: 50) with touches',
    role: 'sales',
    query: () => '{ deals(first: 50) { edges { node { id amount touches { id team } } } } }',
    minShareOfHealth: 0.8,
    maxP99Ms: 50,
  },
];

/**
 * The same question in a document of its own: the root field is aliased by the request's number,
 * so no kept answer (apps/api/src/graphql/response-cache.ts) and no parsed document serves it.
 * What a dashboard pays the first time it asks, parsing and validating included.
 */
export function everyTimeNew(query: string, sequence: number): string {
  if (!query.startsWith('{ ')) throw new Error(`A subject's query starts with "{ ": ${query.slice(0, 40)}`);
  return `{ n${sequence}: ${query.slice(2)}`;
}

/** Where the figures of a subject asked every time anew are kept. */
export const freshKey = (key: string): string => `${key}Fresh`;

/** A GraphQL request body. */
export const graphqlBody = (query: string, variables?: Record<string, unknown>): string =>
  JSON.stringify(variables === undefined ? { query } : { query, variables });

export const OPEN_DEAL = 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id version } }';
export const RECORD_TOUCH = 'mutation ($input: RecordTouchInput!) { recordTouch(input: $input) { id version } }';
export const DEAL_TOUCHES = 'query ($id: ID!) { deal(id: $id) { id touches { id } } }';
