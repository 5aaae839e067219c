// Clean: a domain's test may add @jest/globals and #shared/domain/testing.
export type { expect } from '@jest/globals';
export type { DomainError } from '#shared';
export type { DeciderSpec } from '#shared/domain/testing';
export type { DealEvent } from '../index.js';
