// Clean: lower layers through their entry points, packages, built-ins and the lib's own files.
export type { Type } from '@nestjs/common';
export type { UUID } from 'node:crypto';
export type { DealEvent } from '#deals';
export type { EventStore } from '#event-store';
export type { Projection } from '#projections';
export type { ReasonEvent } from '#reasons';
export type { DomainError } from '#shared';
export type { CommandRunner } from '#shared/application';
export type { GoalEvent } from '../domain/events.js';
export type { GoalsModule } from '../goals.module.js';
