import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class HandOffLeadInput {
  @Field(() => ID, { nullable: true, description: 'Optional client-chosen id; the same handoff repeated is idempotent.' })
  id?: string | null;

  @Field(() => String)
  account!: string;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => String)
  channel!: string;

  @Field(() => String, { nullable: true })
  campaign?: string | null;

  @Field(() => [ID])
  criteriaMet!: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}
