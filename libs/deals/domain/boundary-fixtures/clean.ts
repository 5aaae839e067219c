// Clean: the domain's own files, #shared and node: built-ins.
export type { UUID } from 'node:crypto';
export type { DomainError } from '#shared';
export type { DealEvent } from '../events.js';
