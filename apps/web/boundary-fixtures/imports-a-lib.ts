// layer-order: the page meets the service over GraphQL only, never through a lib's code.
export type { DomainError } from '#shared';
