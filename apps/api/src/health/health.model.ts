import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How far one read model has read the event log.' })
class ProjectionHealth {
  @Field()
  name!: string;

  @Field()
  status!: string;

  @Field(() => String, { nullable: true, description: 'Opaque position of the last event applied.' })
  position!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType({ description: 'Whether this instance can serve: its store and its read models.' })
export class Health {
  @Field({ description: 'ok when every read model is running, degraded otherwise.' })
  status!: string;

  @Field()
  eventStore!: string;

  @Field(() => [ProjectionHealth])
  projections!: ProjectionHealth[];
}
