import { registerEnumType } from '@nestjs/graphql';
import { TEAMS } from '#shared';

/** A GraphQL enum whose values are the strings of a domain constant: `Enum.VALUE === 'VALUE'`. */
export type GraphQLEnum<Value extends string> = { readonly [Key in Value]: Key };

/**
 * Registers a GraphQL enum named `name` from a context's domain constant, so the schema and the
 * domain's string union are one list of words, kept by the context that owns them.
 */
export function graphQLEnum<const Value extends string>(values: readonly Value[], name: string): GraphQLEnum<Value> {
  const reference = Object.fromEntries(values.map((value) => [value, value])) as GraphQLEnum<Value>;
  registerEnumType(reference, { name });
  return reference;
}

/** The two teams that share the scoreboard; every context speaks of them. */
export const TeamEnum = graphQLEnum(TEAMS, 'Team');
