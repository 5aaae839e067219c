import { ProjectionFailedError, ProjectionLagError, type ProjectionRunner } from '#projections';
import type { Position } from '#event-store';
import type { ReadYourWrites } from '#shared/application';
import { DomainError } from '#shared';

/** How long a mutation waits for this instance's read models before it answers PROJECTION_LAG (PRODUCT §4). */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/** Read-your-writes over this instance's projections: the write stands either way. */
export function readYourWritesOver(runner: ProjectionRunner, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): ReadYourWrites {
  return {
    async waitFor(positionsByType: ReadonlyMap<string, Position>): Promise<void> {
      try {
        await runner.waitForEvents(positionsByType, { timeoutMs });
      } catch (error) {
        if (error instanceof ProjectionLagError || error instanceof ProjectionFailedError) {
          throw new DomainError('PROJECTION_LAG', `The change was recorded, but the read models are behind: ${error.message}`);
        }
        throw error;
      }
    },
  };
}
