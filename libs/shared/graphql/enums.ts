import { registerEnumType } from '@nestjs/graphql';

// The contract's enums as TypeScript enums whose values equal their names, so that the domain's
// string unions and these values are the same strings.

export enum TeamEnum {
  MARKETING = 'MARKETING',
  SALES = 'SALES',
}
export enum DealStatusEnum {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}
export enum DealStageEnum {
  QUALIFICATION = 'QUALIFICATION',
  DISCOVERY = 'DISCOVERY',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  CLOSED = 'CLOSED',
}
export enum ReasonKindEnum {
  WIN = 'WIN',
  LOSS = 'LOSS',
}
export enum ReasonCategoryEnum {
  PRICE = 'PRICE',
  PRODUCT = 'PRODUCT',
  COMPETITION = 'COMPETITION',
  TIMING = 'TIMING',
  NO_DECISION = 'NO_DECISION',
  SALES_EXECUTION = 'SALES_EXECUTION',
  LEAD_QUALITY = 'LEAD_QUALITY',
  MESSAGING = 'MESSAGING',
  RELATIONSHIP = 'RELATIONSHIP',
  OTHER = 'OTHER',
}
export enum AttributionModelEnum {
  SHARED = 'SHARED',
  FIRST_TOUCH = 'FIRST_TOUCH',
  LAST_TOUCH = 'LAST_TOUCH',
  LINEAR = 'LINEAR',
  U_SHAPED = 'U_SHAPED',
  W_SHAPED = 'W_SHAPED',
  TIME_DECAY = 'TIME_DECAY',
}
export enum GoalStatusEnum {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
export enum RetrospectiveStatusEnum {
  OPEN = 'OPEN',
  CONCLUDED = 'CONCLUDED',
}
export enum TrendEnum {
  NEW = 'NEW',
  RISING = 'RISING',
  STEADY = 'STEADY',
  FALLING = 'FALLING',
}

registerEnumType(TeamEnum, { name: 'Team' });
registerEnumType(DealStatusEnum, { name: 'DealStatus' });
registerEnumType(DealStageEnum, { name: 'DealStage' });
registerEnumType(ReasonKindEnum, { name: 'ReasonKind' });
registerEnumType(ReasonCategoryEnum, { name: 'ReasonCategory' });
registerEnumType(AttributionModelEnum, { name: 'AttributionModel' });
registerEnumType(GoalStatusEnum, { name: 'GoalStatus' });
registerEnumType(RetrospectiveStatusEnum, { name: 'RetrospectiveStatus' });
registerEnumType(TrendEnum, { name: 'Trend' });
