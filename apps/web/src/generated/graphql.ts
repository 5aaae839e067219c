/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddActionItemInput = {
  description: string;
  dueDate?: string | null | undefined;
  expectedVersion?: number | null | undefined;
  ownerTeam: Team;
  retrospectiveId: string | number;
};

export type AttributionModel =
  | 'FIRST_TOUCH'
  | 'LAST_TOUCH'
  | 'LINEAR'
  | 'SHARED'
  | 'TIME_DECAY'
  | 'U_SHAPED'
  | 'W_SHAPED';

export type CompleteActionItemInput = {
  actionItemId: string | number;
  expectedVersion?: number | null | undefined;
  retrospectiveId: string | number;
};

export type ConcludeRetrospectiveInput = {
  agreedReasonCodes: Array<string | number>;
  expectedVersion?: number | null | undefined;
  retrospectiveId: string | number;
  summary: string;
};

export type DealStatus =
  | 'LOST'
  | 'OPEN'
  | 'WON';

export type EndorseQualificationInput = {
  version: number;
};

export type EndorseSharedGoalInput = {
  expectedVersion?: number | null | undefined;
  goalId: string | number;
};

export type FilePerspectiveInput = {
  expectedVersion?: number | null | undefined;
  notes?: string | null | undefined;
  reasonCodes: Array<string | number>;
  retrospectiveId: string | number;
};

export type GoalStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'PROPOSED';

export type OpenRetrospectiveInput = {
  dealId: string | number;
  id?: string | number | null | undefined;
};

export type QualificationStatus =
  | 'ACTIVE'
  | 'PROPOSED'
  | 'SUPERSEDED'
  | 'WITHDRAWN';

export type ReasonCategory =
  | 'COMPETITION'
  | 'LEAD_QUALITY'
  | 'MESSAGING'
  | 'NO_DECISION'
  | 'OTHER'
  | 'PRICE'
  | 'PRODUCT'
  | 'RELATIONSHIP'
  | 'SALES_EXECUTION'
  | 'TIMING';

export type ReasonKind =
  | 'LOSS'
  | 'REJECTION'
  | 'WIN';

export type RetrospectiveStatus =
  | 'CONCLUDED'
  | 'OPEN';

export type ReviewQualificationInput = {
  note?: string | null | undefined;
};

export type Team =
  | 'MARKETING'
  | 'SALES';

export type Trend =
  | 'FALLING'
  | 'NEW'
  | 'RISING'
  | 'STEADY';

export type SignInCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInCheckQuery = { sharedGoals: Array<{ id: string }> };

export type GoalListQueryVariables = Exact<{ [key: string]: never; }>;


export type GoalListQuery = { sharedGoals: Array<{ id: string, name: string, status: GoalStatus, periodStart: string, periodEnd: string }> };

export type ProgressFiguresFragment = { asOf: string, model: AttributionModel, target: string, wonRevenue: string, wonDeals: number, lostDeals: number, attainment: number, expectedAttainment: number, onPace: boolean, remaining: string, openPipeline: string, pipelineCoverage: number | null, winRate: number | null, requiredCoverage: number | null, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> };

export type GoalViewQueryVariables = Exact<{
  id: string | number;
  model: AttributionModel;
}>;


export type GoalViewQuery = { sharedGoals: Array<{ id: string, name: string, status: GoalStatus }>, sharedGoal: { id: string, name: string, periodStart: string, periodEnd: string, target: string, currency: string, segment: string | null, status: GoalStatus, version: number, endorsements: Array<{ team: Team, by: string, at: string }>, targetHistory: Array<{ from: string | null, to: string, reason: string | null, by: string, at: string }>, progress: { asOf: string, model: AttributionModel, target: string, wonRevenue: string, wonDeals: number, lostDeals: number, attainment: number, expectedAttainment: number, onPace: boolean, remaining: string, openPipeline: string, pipelineCoverage: number | null, winRate: number | null, requiredCoverage: number | null, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> } } | null };

export type PacePointFragment = { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number };

export type GoalPaceQueryVariables = Exact<{
  id: string | number;
  a0: string;
  a1: string;
  a2: string;
  a3: string;
  a4: string;
  a5: string;
  a6: string;
  a7: string;
  a8: string;
  a9: string;
  a10: string;
  a11: string;
}>;


export type GoalPaceQuery = { sharedGoal: { id: string, p0: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p1: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p2: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p3: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p4: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p5: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p6: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p7: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p8: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p9: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p10: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number }, p11: { asOf: string, target: string, wonRevenue: string, attainment: number, expectedAttainment: number } } | null };

export type EndorseGoalMutationVariables = Exact<{
  input: EndorseSharedGoalInput;
}>;


export type EndorseGoalMutation = { endorseSharedGoal: { id: string, status: GoalStatus, version: number } };

export type GoalLiveSubscriptionVariables = Exact<{
  goalId: string | number;
}>;


export type GoalLiveSubscription = { goalProgressChanged: { goalId: string, progress: { asOf: string } } };

export type LeadFunnelQueryVariables = Exact<{
  from: string;
  to: string;
  segment?: string | null | undefined;
  campaign?: string | null | undefined;
}>;


export type LeadFunnelQuery = { currency: { edges: Array<{ node: { currency: string } }> }, leadFunnel: { from: string, to: string, asOf: string, segment: string | null, campaign: string | null, handedOff: number, meetingAgreement: number, belowAgreement: number, accepted: number, rejected: number, pending: number, recycled: number, converted: number, won: number, wonRevenue: string, acceptanceRate: number | null, conversionRate: number | null, winRate: number | null, responseHoursP50: number | null, responseHoursP90: number | null, late: number, lateRate: number | null, rejectionReasons: Array<{ leads: number, share: number, reason: { code: string, label: string } }>, byVersion: Array<{ version: number, handedOff: number, accepted: number, rejected: number, late: number, acceptanceRate: number | null }> } };

export type InboxLeadFragment = { id: string, account: string, contact: string | null, segment: string | null, channel: string, campaign: string | null, handedOffAt: string, respondBy: string, overdue: boolean, meetsAgreement: boolean, agreementVersion: number, handoffs: number };

export type LeadInboxQueryVariables = Exact<{
  first: number;
}>;


export type LeadInboxQuery = { leadInbox: Array<{ id: string, account: string, contact: string | null, segment: string | null, channel: string, campaign: string | null, handedOffAt: string, respondBy: string, overdue: boolean, meetsAgreement: boolean, agreementVersion: number, handoffs: number }> };

export type LeadHandedOffSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LeadHandedOffSubscription = { leadHandedOff: { id: string } };

export type AgreementVersionFragment = { version: number, status: QualificationStatus, proposedAt: string, proposedBy: string, activatedAt: string | null, minimumMet: number, respondWithinHours: number, reviewEveryDays: number, criteria: Array<{ code: string, description: string, required: boolean }>, endorsements: Array<{ team: Team, by: string, at: string }> };

export type QualificationQueryVariables = Exact<{ [key: string]: never; }>;


export type QualificationQuery = { qualification: { version: number, reviewDue: boolean, lastReviewedAt: string | null, inForce: { version: number, status: QualificationStatus, proposedAt: string, proposedBy: string, activatedAt: string | null, minimumMet: number, respondWithinHours: number, reviewEveryDays: number, criteria: Array<{ code: string, description: string, required: boolean }>, endorsements: Array<{ team: Team, by: string, at: string }> } | null, proposal: { version: number, status: QualificationStatus, proposedAt: string, proposedBy: string, activatedAt: string | null, minimumMet: number, respondWithinHours: number, reviewEveryDays: number, criteria: Array<{ code: string, description: string, required: boolean }>, endorsements: Array<{ team: Team, by: string, at: string }> } | null } };

export type EndorseQualificationMutationVariables = Exact<{
  input: EndorseQualificationInput;
}>;


export type EndorseQualificationMutation = { endorseQualification: { version: number } };

export type ReviewQualificationMutationVariables = Exact<{
  input: ReviewQualificationInput;
}>;


export type ReviewQualificationMutation = { reviewQualification: { version: number } };

export type InsightFragment = { deals: number, share: number, revenue: string, previousDeals: number, trend: Trend, recurring: boolean, agreement: number | null, lastSeenAt: string, reason: { code: string, label: string, category: ReasonCategory }, citedBy: Array<{ team: Team, perspectives: number }>, competitors: Array<{ competitor: string, deals: number }> };

export type ReasonReportQueryVariables = Exact<{
  kind: ReasonKind;
  from: string;
  to: string;
  segment?: string | null | undefined;
}>;


export type ReasonReportQuery = { currency: { edges: Array<{ node: { currency: string } }> }, reasonInsights: { kind: ReasonKind, from: string, to: string, segment: string | null, deals: number, revenue: string, reasons: Array<{ deals: number, share: number, revenue: string, previousDeals: number, trend: Trend, recurring: boolean, agreement: number | null, lastSeenAt: string, reason: { code: string, label: string, category: ReasonCategory }, citedBy: Array<{ team: Team, perspectives: number }>, competitors: Array<{ competitor: string, deals: number }> }> } };

export type PendingRetrospectivesQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingRetrospectivesQuery = { pendingRetrospectives: Array<{ id: string, title: string, account: string, segment: string | null, status: DealStatus, amount: string, currency: string, closedAt: string | null, retrospective: { id: string, status: RetrospectiveStatus, perspectives: Array<{ team: Team }> } | null }> };

export type RetrospectiveDetailFragment = { id: string, status: RetrospectiveStatus, outcome: DealStatus, version: number, openedAt: string, concludedAt: string | null, summary: string | null, deal: { id: string, title: string, account: string, amount: string, currency: string, closedAt: string | null, competitor: string | null, lossReason: { code: string, label: string } | null }, perspectives: Array<{ team: Team, author: string, notes: string | null, filedAt: string, reasons: Array<{ code: string, label: string }> }>, agreedReasons: Array<{ code: string, label: string }>, actionItems: Array<{ id: string, ownerTeam: Team, description: string, dueDate: string | null, completedAt: string | null }> };

export type RetrospectivePageQueryVariables = Exact<{
  id: string | number;
}>;


export type RetrospectivePageQuery = { retrospective: { id: string, status: RetrospectiveStatus, outcome: DealStatus, version: number, openedAt: string, concludedAt: string | null, summary: string | null, deal: { id: string, title: string, account: string, amount: string, currency: string, closedAt: string | null, competitor: string | null, lossReason: { code: string, label: string } | null }, perspectives: Array<{ team: Team, author: string, notes: string | null, filedAt: string, reasons: Array<{ code: string, label: string }> }>, agreedReasons: Array<{ code: string, label: string }>, actionItems: Array<{ id: string, ownerTeam: Team, description: string, dueDate: string | null, completedAt: string | null }> } | null, reasons: Array<{ code: string, label: string, kind: ReasonKind, category: ReasonCategory }> };

export type OpenRetrospectiveMutationVariables = Exact<{
  input: OpenRetrospectiveInput;
}>;


export type OpenRetrospectiveMutation = { openRetrospective: { id: string } };

export type FilePerspectiveMutationVariables = Exact<{
  input: FilePerspectiveInput;
}>;


export type FilePerspectiveMutation = { filePerspective: { id: string, status: RetrospectiveStatus, outcome: DealStatus, version: number, openedAt: string, concludedAt: string | null, summary: string | null, deal: { id: string, title: string, account: string, amount: string, currency: string, closedAt: string | null, competitor: string | null, lossReason: { code: string, label: string } | null }, perspectives: Array<{ team: Team, author: string, notes: string | null, filedAt: string, reasons: Array<{ code: string, label: string }> }>, agreedReasons: Array<{ code: string, label: string }>, actionItems: Array<{ id: string, ownerTeam: Team, description: string, dueDate: string | null, completedAt: string | null }> } };

export type ConcludeRetrospectiveMutationVariables = Exact<{
  input: ConcludeRetrospectiveInput;
}>;


export type ConcludeRetrospectiveMutation = { concludeRetrospective: { id: string, status: RetrospectiveStatus, outcome: DealStatus, version: number, openedAt: string, concludedAt: string | null, summary: string | null, deal: { id: string, title: string, account: string, amount: string, currency: string, closedAt: string | null, competitor: string | null, lossReason: { code: string, label: string } | null }, perspectives: Array<{ team: Team, author: string, notes: string | null, filedAt: string, reasons: Array<{ code: string, label: string }> }>, agreedReasons: Array<{ code: string, label: string }>, actionItems: Array<{ id: string, ownerTeam: Team, description: string, dueDate: string | null, completedAt: string | null }> } };

export type AddActionItemMutationVariables = Exact<{
  input: AddActionItemInput;
}>;


export type AddActionItemMutation = { addActionItem: { id: string, status: RetrospectiveStatus, outcome: DealStatus, version: number, openedAt: string, concludedAt: string | null, summary: string | null, deal: { id: string, title: string, account: string, amount: string, currency: string, closedAt: string | null, competitor: string | null, lossReason: { code: string, label: string } | null }, perspectives: Array<{ team: Team, author: string, notes: string | null, filedAt: string, reasons: Array<{ code: string, label: string }> }>, agreedReasons: Array<{ code: string, label: string }>, actionItems: Array<{ id: string, ownerTeam: Team, description: string, dueDate: string | null, completedAt: string | null }> } };

export type CompleteActionItemMutationVariables = Exact<{
  input: CompleteActionItemInput;
}>;


export type CompleteActionItemMutation = { completeActionItem: { id: string, status: RetrospectiveStatus, outcome: DealStatus, version: number, openedAt: string, concludedAt: string | null, summary: string | null, deal: { id: string, title: string, account: string, amount: string, currency: string, closedAt: string | null, competitor: string | null, lossReason: { code: string, label: string } | null }, perspectives: Array<{ team: Team, author: string, notes: string | null, filedAt: string, reasons: Array<{ code: string, label: string }> }>, agreedReasons: Array<{ code: string, label: string }>, actionItems: Array<{ id: string, ownerTeam: Team, description: string, dueDate: string | null, completedAt: string | null }> } };

export type BoardFragment = { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> };

export type ScoreboardAllQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ScoreboardAllQuery = { currency: { edges: Array<{ node: { currency: string } }> }, shared: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> }, firstTouch: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> }, lastTouch: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> }, linear: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> }, uShaped: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> }, wShaped: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> }, timeDecay: { model: AttributionModel, wonRevenue: string, wonDeals: number, credit: Array<{ team: Team, creditedRevenue: string, creditedWins: number, sourcedRevenue: string, influencedRevenue: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ProgressFiguresFragmentDoc = new TypedDocumentString(`
    fragment ProgressFigures on GoalProgress {
  asOf
  model
  target
  wonRevenue
  wonDeals
  lostDeals
  attainment
  expectedAttainment
  onPace
  remaining
  openPipeline
  pipelineCoverage
  winRate
  requiredCoverage
  credit {
    team
    creditedRevenue
    creditedWins
    sourcedRevenue
    influencedRevenue
  }
}
    `, {"fragmentName":"ProgressFigures"}) as unknown as TypedDocumentString<ProgressFiguresFragment, unknown>;
export const PacePointFragmentDoc = new TypedDocumentString(`
    fragment PacePoint on GoalProgress {
  asOf
  target
  wonRevenue
  attainment
  expectedAttainment
}
    `, {"fragmentName":"PacePoint"}) as unknown as TypedDocumentString<PacePointFragment, unknown>;
export const InboxLeadFragmentDoc = new TypedDocumentString(`
    fragment InboxLead on Lead {
  id
  account
  contact
  segment
  channel
  campaign
  handedOffAt
  respondBy
  overdue
  meetsAgreement
  agreementVersion
  handoffs
}
    `, {"fragmentName":"InboxLead"}) as unknown as TypedDocumentString<InboxLeadFragment, unknown>;
export const AgreementVersionFragmentDoc = new TypedDocumentString(`
    fragment AgreementVersion on QualificationVersion {
  version
  status
  proposedAt
  proposedBy
  activatedAt
  minimumMet
  respondWithinHours
  reviewEveryDays
  criteria {
    code
    description
    required
  }
  endorsements {
    team
    by
    at
  }
}
    `, {"fragmentName":"AgreementVersion"}) as unknown as TypedDocumentString<AgreementVersionFragment, unknown>;
export const InsightFragmentDoc = new TypedDocumentString(`
    fragment Insight on ReasonInsight {
  reason {
    code
    label
    category
  }
  deals
  share
  revenue
  previousDeals
  trend
  recurring
  citedBy {
    team
    perspectives
  }
  agreement
  competitors {
    competitor
    deals
  }
  lastSeenAt
}
    `, {"fragmentName":"Insight"}) as unknown as TypedDocumentString<InsightFragment, unknown>;
export const RetrospectiveDetailFragmentDoc = new TypedDocumentString(`
    fragment RetrospectiveDetail on Retrospective {
  id
  status
  outcome
  version
  openedAt
  concludedAt
  summary
  deal {
    id
    title
    account
    amount
    currency
    closedAt
    competitor
    lossReason {
      code
      label
    }
  }
  perspectives {
    team
    author
    notes
    filedAt
    reasons {
      code
      label
    }
  }
  agreedReasons {
    code
    label
  }
  actionItems {
    id
    ownerTeam
    description
    dueDate
    completedAt
  }
}
    `, {"fragmentName":"RetrospectiveDetail"}) as unknown as TypedDocumentString<RetrospectiveDetailFragment, unknown>;
export const BoardFragmentDoc = new TypedDocumentString(`
    fragment Board on Scoreboard {
  model
  wonRevenue
  wonDeals
  credit {
    team
    creditedRevenue
    creditedWins
    sourcedRevenue
    influencedRevenue
  }
}
    `, {"fragmentName":"Board"}) as unknown as TypedDocumentString<BoardFragment, unknown>;
export const SignInCheckDocument = new TypedDocumentString(`
    query SignInCheck {
  sharedGoals(status: ACTIVE) {
    id
  }
}
    `) as unknown as TypedDocumentString<SignInCheckQuery, SignInCheckQueryVariables>;
export const GoalListDocument = new TypedDocumentString(`
    query GoalList {
  sharedGoals {
    id
    name
    status
    periodStart
    periodEnd
  }
}
    `) as unknown as TypedDocumentString<GoalListQuery, GoalListQueryVariables>;
export const GoalViewDocument = new TypedDocumentString(`
    query GoalView($id: ID!, $model: AttributionModel!) {
  sharedGoals {
    id
    name
    status
  }
  sharedGoal(id: $id) {
    id
    name
    periodStart
    periodEnd
    target
    currency
    segment
    status
    version
    endorsements {
      team
      by
      at
    }
    targetHistory {
      from
      to
      reason
      by
      at
    }
    progress(model: $model) {
      ...ProgressFigures
    }
  }
}
    fragment ProgressFigures on GoalProgress {
  asOf
  model
  target
  wonRevenue
  wonDeals
  lostDeals
  attainment
  expectedAttainment
  onPace
  remaining
  openPipeline
  pipelineCoverage
  winRate
  requiredCoverage
  credit {
    team
    creditedRevenue
    creditedWins
    sourcedRevenue
    influencedRevenue
  }
}`) as unknown as TypedDocumentString<GoalViewQuery, GoalViewQueryVariables>;
export const GoalPaceDocument = new TypedDocumentString(`
    query GoalPace($id: ID!, $a0: DateTime!, $a1: DateTime!, $a2: DateTime!, $a3: DateTime!, $a4: DateTime!, $a5: DateTime!, $a6: DateTime!, $a7: DateTime!, $a8: DateTime!, $a9: DateTime!, $a10: DateTime!, $a11: DateTime!) {
  sharedGoal(id: $id) {
    id
    p0: progress(asOf: $a0) {
      ...PacePoint
    }
    p1: progress(asOf: $a1) {
      ...PacePoint
    }
    p2: progress(asOf: $a2) {
      ...PacePoint
    }
    p3: progress(asOf: $a3) {
      ...PacePoint
    }
    p4: progress(asOf: $a4) {
      ...PacePoint
    }
    p5: progress(asOf: $a5) {
      ...PacePoint
    }
    p6: progress(asOf: $a6) {
      ...PacePoint
    }
    p7: progress(asOf: $a7) {
      ...PacePoint
    }
    p8: progress(asOf: $a8) {
      ...PacePoint
    }
    p9: progress(asOf: $a9) {
      ...PacePoint
    }
    p10: progress(asOf: $a10) {
      ...PacePoint
    }
    p11: progress(asOf: $a11) {
      ...PacePoint
    }
  }
}
    fragment PacePoint on GoalProgress {
  asOf
  target
  wonRevenue
  attainment
  expectedAttainment
}`) as unknown as TypedDocumentString<GoalPaceQuery, GoalPaceQueryVariables>;
export const EndorseGoalDocument = new TypedDocumentString(`
    mutation EndorseGoal($input: EndorseSharedGoalInput!) {
  endorseSharedGoal(input: $input) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<EndorseGoalMutation, EndorseGoalMutationVariables>;
export const GoalLiveDocument = new TypedDocumentString(`
    subscription GoalLive($goalId: ID!) {
  goalProgressChanged(goalId: $goalId) {
    goalId
    progress {
      asOf
    }
  }
}
    `) as unknown as TypedDocumentString<GoalLiveSubscription, GoalLiveSubscriptionVariables>;
export const LeadFunnelDocument = new TypedDocumentString(`
    query LeadFunnel($from: Date!, $to: Date!, $segment: String, $campaign: String) {
  currency: deals(first: 1) {
    edges {
      node {
        currency
      }
    }
  }
  leadFunnel(from: $from, to: $to, segment: $segment, campaign: $campaign) {
    from
    to
    asOf
    segment
    campaign
    handedOff
    meetingAgreement
    belowAgreement
    accepted
    rejected
    pending
    recycled
    converted
    won
    wonRevenue
    acceptanceRate
    conversionRate
    winRate
    responseHoursP50
    responseHoursP90
    late
    lateRate
    rejectionReasons {
      reason {
        code
        label
      }
      leads
      share
    }
    byVersion {
      version
      handedOff
      accepted
      rejected
      late
      acceptanceRate
    }
  }
}
    `) as unknown as TypedDocumentString<LeadFunnelQuery, LeadFunnelQueryVariables>;
export const LeadInboxDocument = new TypedDocumentString(`
    query LeadInbox($first: Int!) {
  leadInbox(first: $first) {
    ...InboxLead
  }
}
    fragment InboxLead on Lead {
  id
  account
  contact
  segment
  channel
  campaign
  handedOffAt
  respondBy
  overdue
  meetsAgreement
  agreementVersion
  handoffs
}`) as unknown as TypedDocumentString<LeadInboxQuery, LeadInboxQueryVariables>;
export const LeadHandedOffDocument = new TypedDocumentString(`
    subscription LeadHandedOff {
  leadHandedOff {
    id
  }
}
    `) as unknown as TypedDocumentString<LeadHandedOffSubscription, LeadHandedOffSubscriptionVariables>;
export const QualificationDocument = new TypedDocumentString(`
    query Qualification {
  qualification {
    version
    reviewDue
    lastReviewedAt
    inForce {
      ...AgreementVersion
    }
    proposal {
      ...AgreementVersion
    }
  }
}
    fragment AgreementVersion on QualificationVersion {
  version
  status
  proposedAt
  proposedBy
  activatedAt
  minimumMet
  respondWithinHours
  reviewEveryDays
  criteria {
    code
    description
    required
  }
  endorsements {
    team
    by
    at
  }
}`) as unknown as TypedDocumentString<QualificationQuery, QualificationQueryVariables>;
export const EndorseQualificationDocument = new TypedDocumentString(`
    mutation EndorseQualification($input: EndorseQualificationInput!) {
  endorseQualification(input: $input) {
    version
  }
}
    `) as unknown as TypedDocumentString<EndorseQualificationMutation, EndorseQualificationMutationVariables>;
export const ReviewQualificationDocument = new TypedDocumentString(`
    mutation ReviewQualification($input: ReviewQualificationInput!) {
  reviewQualification(input: $input) {
    version
  }
}
    `) as unknown as TypedDocumentString<ReviewQualificationMutation, ReviewQualificationMutationVariables>;
export const ReasonReportDocument = new TypedDocumentString(`
    query ReasonReport($kind: ReasonKind!, $from: Date!, $to: Date!, $segment: String) {
  currency: deals(first: 1) {
    edges {
      node {
        currency
      }
    }
  }
  reasonInsights(kind: $kind, from: $from, to: $to, segment: $segment) {
    kind
    from
    to
    segment
    deals
    revenue
    reasons {
      ...Insight
    }
  }
}
    fragment Insight on ReasonInsight {
  reason {
    code
    label
    category
  }
  deals
  share
  revenue
  previousDeals
  trend
  recurring
  citedBy {
    team
    perspectives
  }
  agreement
  competitors {
    competitor
    deals
  }
  lastSeenAt
}`) as unknown as TypedDocumentString<ReasonReportQuery, ReasonReportQueryVariables>;
export const PendingRetrospectivesDocument = new TypedDocumentString(`
    query PendingRetrospectives {
  pendingRetrospectives(first: 100) {
    id
    title
    account
    segment
    status
    amount
    currency
    closedAt
    retrospective {
      id
      status
      perspectives {
        team
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PendingRetrospectivesQuery, PendingRetrospectivesQueryVariables>;
export const RetrospectivePageDocument = new TypedDocumentString(`
    query RetrospectivePage($id: ID!) {
  retrospective(id: $id) {
    ...RetrospectiveDetail
  }
  reasons {
    code
    label
    kind
    category
  }
}
    fragment RetrospectiveDetail on Retrospective {
  id
  status
  outcome
  version
  openedAt
  concludedAt
  summary
  deal {
    id
    title
    account
    amount
    currency
    closedAt
    competitor
    lossReason {
      code
      label
    }
  }
  perspectives {
    team
    author
    notes
    filedAt
    reasons {
      code
      label
    }
  }
  agreedReasons {
    code
    label
  }
  actionItems {
    id
    ownerTeam
    description
    dueDate
    completedAt
  }
}`) as unknown as TypedDocumentString<RetrospectivePageQuery, RetrospectivePageQueryVariables>;
export const OpenRetrospectiveDocument = new TypedDocumentString(`
    mutation OpenRetrospective($input: OpenRetrospectiveInput!) {
  openRetrospective(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<OpenRetrospectiveMutation, OpenRetrospectiveMutationVariables>;
export const FilePerspectiveDocument = new TypedDocumentString(`
    mutation FilePerspective($input: FilePerspectiveInput!) {
  filePerspective(input: $input) {
    ...RetrospectiveDetail
  }
}
    fragment RetrospectiveDetail on Retrospective {
  id
  status
  outcome
  version
  openedAt
  concludedAt
  summary
  deal {
    id
    title
    account
    amount
    currency
    closedAt
    competitor
    lossReason {
      code
      label
    }
  }
  perspectives {
    team
    author
    notes
    filedAt
    reasons {
      code
      label
    }
  }
  agreedReasons {
    code
    label
  }
  actionItems {
    id
    ownerTeam
    description
    dueDate
    completedAt
  }
}`) as unknown as TypedDocumentString<FilePerspectiveMutation, FilePerspectiveMutationVariables>;
export const ConcludeRetrospectiveDocument = new TypedDocumentString(`
    mutation ConcludeRetrospective($input: ConcludeRetrospectiveInput!) {
  concludeRetrospective(input: $input) {
    ...RetrospectiveDetail
  }
}
    fragment RetrospectiveDetail on Retrospective {
  id
  status
  outcome
  version
  openedAt
  concludedAt
  summary
  deal {
    id
    title
    account
    amount
    currency
    closedAt
    competitor
    lossReason {
      code
      label
    }
  }
  perspectives {
    team
    author
    notes
    filedAt
    reasons {
      code
      label
    }
  }
  agreedReasons {
    code
    label
  }
  actionItems {
    id
    ownerTeam
    description
    dueDate
    completedAt
  }
}`) as unknown as TypedDocumentString<ConcludeRetrospectiveMutation, ConcludeRetrospectiveMutationVariables>;
export const AddActionItemDocument = new TypedDocumentString(`
    mutation AddActionItem($input: AddActionItemInput!) {
  addActionItem(input: $input) {
    ...RetrospectiveDetail
  }
}
    fragment RetrospectiveDetail on Retrospective {
  id
  status
  outcome
  version
  openedAt
  concludedAt
  summary
  deal {
    id
    title
    account
    amount
    currency
    closedAt
    competitor
    lossReason {
      code
      label
    }
  }
  perspectives {
    team
    author
    notes
    filedAt
    reasons {
      code
      label
    }
  }
  agreedReasons {
    code
    label
  }
  actionItems {
    id
    ownerTeam
    description
    dueDate
    completedAt
  }
}`) as unknown as TypedDocumentString<AddActionItemMutation, AddActionItemMutationVariables>;
export const CompleteActionItemDocument = new TypedDocumentString(`
    mutation CompleteActionItem($input: CompleteActionItemInput!) {
  completeActionItem(input: $input) {
    ...RetrospectiveDetail
  }
}
    fragment RetrospectiveDetail on Retrospective {
  id
  status
  outcome
  version
  openedAt
  concludedAt
  summary
  deal {
    id
    title
    account
    amount
    currency
    closedAt
    competitor
    lossReason {
      code
      label
    }
  }
  perspectives {
    team
    author
    notes
    filedAt
    reasons {
      code
      label
    }
  }
  agreedReasons {
    code
    label
  }
  actionItems {
    id
    ownerTeam
    description
    dueDate
    completedAt
  }
}`) as unknown as TypedDocumentString<CompleteActionItemMutation, CompleteActionItemMutationVariables>;
export const ScoreboardAllDocument = new TypedDocumentString(`
    query ScoreboardAll($from: Date!, $to: Date!) {
  currency: deals(first: 1) {
    edges {
      node {
        currency
      }
    }
  }
  shared: scoreboard(from: $from, to: $to, model: SHARED) {
    ...Board
  }
  firstTouch: scoreboard(from: $from, to: $to, model: FIRST_TOUCH) {
    ...Board
  }
  lastTouch: scoreboard(from: $from, to: $to, model: LAST_TOUCH) {
    ...Board
  }
  linear: scoreboard(from: $from, to: $to, model: LINEAR) {
    ...Board
  }
  uShaped: scoreboard(from: $from, to: $to, model: U_SHAPED) {
    ...Board
  }
  wShaped: scoreboard(from: $from, to: $to, model: W_SHAPED) {
    ...Board
  }
  timeDecay: scoreboard(from: $from, to: $to, model: TIME_DECAY) {
    ...Board
  }
}
    fragment Board on Scoreboard {
  model
  wonRevenue
  wonDeals
  credit {
    team
    creditedRevenue
    creditedWins
    sourcedRevenue
    influencedRevenue
  }
}`) as unknown as TypedDocumentString<ScoreboardAllQuery, ScoreboardAllQueryVariables>;