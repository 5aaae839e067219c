import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, Endorsement, graphQLEnum } from '#shared/graphql';
import { QUALIFICATION_STATUSES, type QualificationStatus } from '../../domain/index.js';

export const QualificationStatusEnum = graphQLEnum(QUALIFICATION_STATUSES, 'QualificationStatus');

@ObjectType()
export class QualificationCriterion {
  @Field(() => ID)
  code!: string;

  @Field()
  description!: string;

  @Field()
  required!: boolean;
}

@ObjectType()
export class QualificationEndorsement extends Endorsement {}

@ObjectType()
export class QualificationVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => QualificationStatusEnum)
  status!: QualificationStatus;

  @Field(() => [QualificationCriterion])
  criteria!: QualificationCriterion[];

  @Field(() => Int)
  minimumMet!: number;

  @Field(() => Int)
  respondWithinHours!: number;

  @Field(() => Int)
  reviewEveryDays!: number;

  @Field()
  proposedBy!: string;

  @Field(() => DateTimeScalar)
  proposedAt!: string;

  @Field(() => [QualificationEndorsement])
  endorsements!: QualificationEndorsement[];

  @Field(() => DateTimeScalar, { nullable: true })
  activatedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt!: string | null;
}

@ObjectType()
export class QualificationAgreement {
  @Field(() => QualificationVersion, { nullable: true, description: 'The version in force, if any.' })
  inForce!: QualificationVersion | null;

  @Field(() => QualificationVersion, { nullable: true, description: 'The version awaiting endorsement, if any.' })
  proposal!: QualificationVersion | null;

  @Field(() => [QualificationVersion], { description: 'Every version, oldest first.' })
  versions!: QualificationVersion[];

  @Field(() => DateTimeScalar, { nullable: true })
  lastReviewedAt!: string | null;

  @Field()
  reviewDue!: boolean;

  @Field(() => Int, { description: 'The stream revision of the last event; -1 before the first proposal.' })
  version!: number;
}
