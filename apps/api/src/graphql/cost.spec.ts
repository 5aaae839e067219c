import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { operationCost } from './cost.js';

const schema = buildSchema(`
  type Query {
    plain: Int
    deal: Deal
    deals(first: Int = 50): DealPage!
  }
  type DealPage { edges: [Deal!]! }
  type Deal { id: ID! title: String touches: [Touch!]! }
  type Touch { id: ID! }
`);

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string): number =>
  operationCost(schema, parse(query), operationName, variables);

// A page's item: the edges object (2) with one scalar (1).
const ITEM = 2 + 2 + 1;

describe('the cost of a document (PRODUCT §6)', () => {
  it('prices a scalar 1 and an object 2 plus its selection', () => {
    expect(cost('{ plain }')).toBe(1);
    expect(cost('{ deal { id title } }')).toBe(2 + 1 + 1);
    expect(cost('{ deal { touches { id } } }')).toBe(2 + (2 + 1));
  });

  it('prices a page once per item, for the size written', () => {
    expect(cost('{ deals(first: 10) { edges { id } } }')).toBe(10 * ITEM);
  });

  it("prices a page whose size is left out at the argument's default", () => {
    expect(cost('{ deals { edges { id } } }')).toBe(50 * ITEM);
  });

  it('prices a page sized by a variable at the value sent, else the variable default, else the argument default', () => {
    const sized = 'query ($n: Int = 20) { deals(first: $n) { edges { id } } }';
    expect(cost(sized, { n: 7 })).toBe(7 * ITEM);
    expect(cost(sized)).toBe(20 * ITEM);
    expect(cost(sized, { n: null })).toBe(20 * ITEM);
    expect(cost('query ($n: Int) { deals(first: $n) { edges { id } } }')).toBe(50 * ITEM);
  });

  it('never prices a page below one item, whatever size is asked', () => {
    expect(cost('{ deals(first: 0) { edges { id } } }')).toBe(ITEM);
    expect(cost('{ deals(first: -5) { edges { id } } }')).toBe(ITEM);
    expect(cost('query ($n: Int) { deals(first: $n) { edges { id } } }', { n: 'many' })).toBe(ITEM);
  });

  it('adds up aliases of the same field', () => {
    expect(cost('{ a: deals(first: 10) { edges { id } } b: deals(first: 10) { edges { id } } }')).toBe(2 * 10 * ITEM);
  });

  it('prices fragments where they are spread, and a cycle of fragments only once', () => {
    expect(cost('{ deal { ...D } } fragment D on Deal { id title }')).toBe(2 + 1 + (2 + 2));
    expect(cost('{ deal { ... on Deal { id } } }')).toBe(2 + 2 + 1);
    expect(() => cost('{ deal { ...A } } fragment A on Deal { ...B } fragment B on Deal { ...A }')).not.toThrow();
  });

  it('prices the operation asked for by name, and introspection of the schema at nothing', () => {
    const two = 'query Small { plain } query Big { deals(first: 100) { edges { id } } }';
    expect(cost(two, {}, 'Small')).toBe(1);
    expect(cost(two, {}, 'Big')).toBe(100 * ITEM);
    expect(cost(two, {}, 'Missing')).toBe(0);
    expect(cost('{ __schema { types { name } } }')).toBe(0);
  });
});
