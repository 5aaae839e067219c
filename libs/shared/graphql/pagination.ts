import { Field, ObjectType } from '@nestjs/graphql';
import { invalidInput } from '#shared';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

const MAX_PAGE_SIZE = 200;

/** Checks `first` (1..200) naming the argument. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalidInput('first', `first must be from 1 to ${MAX_PAGE_SIZE}, got ${size}`);
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the sort key they continue after. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): (string | number)[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // falls through to the error below
  }
  throw invalidInput(field, `${field} is not a cursor this service issued`);
}
