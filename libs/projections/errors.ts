import type { Position } from '#event-store';

export interface LaggingProjection {
  readonly name: string;
  /** How far it had got; null when it had not applied anything yet. */
  readonly position: Position | null;
}

/** The read models did not reach a position in time; what was written stands. */
export class ProjectionLagError extends Error {
  override readonly name = 'ProjectionLagError';

  constructor(
    readonly position: Position,
    readonly lagging: readonly LaggingProjection[],
    reason: string,
  ) {
    super(`Read models ${lagging.map((projection) => `"${projection.name}"`).join(', ')} did not reach position ${position}: ${reason}`);
  }
}

/** A projection stopped on an event it could not apply, so it will not reach any later position. */
export class ProjectionFailedError extends Error {
  override readonly name = 'ProjectionFailedError';

  constructor(
    readonly projection: string,
    readonly reason: string,
  ) {
    super(`Projection "${projection}" has failed: ${reason}`);
  }
}
