import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { excerpt } from '#shared';

// The scalars carry strings through unchanged: the domain checks their format and answers
// BAD_USER_INPUT naming the input field, which a scalar-level error could not do. Only the JSON
// type is checked here, so that a float never passes for a Decimal.

function stringScalar(name: string, description: string, example: string): GraphQLScalarType<string, string> {
  const refuse = (got: string): never => {
    throw new GraphQLError(`${name} must be given as a string such as "${example}", got ${got}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => (typeof value === 'string' ? value : refuse(typeof value)),
    parseValue: (value) => (typeof value === 'string' ? value : refuse(excerpt(JSON.stringify(value) ?? typeof value))),
    parseLiteral: (ast: ValueNode) => (ast.kind === Kind.STRING ? ast.value : refuse(`a ${ast.kind.toLowerCase()} literal`)),
  });
}

export const DateTimeScalar = stringScalar(
  'DateTime',
  'An ISO-8601 instant with a time zone, e.g. 2026-03-31T17:00:00Z.',
  '2026-03-31T17:00:00Z',
);

export const DateScalar = stringScalar('Date', 'A calendar date, YYYY-MM-DD.', '2026-03-31');

export const DecimalScalar = stringScalar(
  'Decimal',
  'An exact decimal amount as a string, e.g. "125000.50". Never a float.',
  '125000.50',
);
