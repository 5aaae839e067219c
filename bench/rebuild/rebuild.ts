import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { NodeChild } from '../child-process.js';
import { loadAverage } from '../report/figures.js';

const CHILD = fileURLToPath(new URL('./rebuild-child.js', import.meta.url));

export interface RebuildFigure {
  /** The rebuild itself, inside the process. */
  readonly seconds: number;
  /** Starting the process included, as a user running the command waits. */
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly loadAverage: number;
}

/** Empties every read model of `dataDir` and projects the whole log again, with the service stopped. */
export async function timeRebuild(dataDir: string, logFile: string): Promise<RebuildFigure> {
  const load = loadAverage();
  const started = performance.now();
  const child = NodeChild.start(CHILD, { env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, logFile });
  const line = await child.nextLine(60 * 60 * 1000);
  const code = await child.wait();
  if (code !== 0) throw new Error(`The rebuild exited with code ${code}; see ${logFile}`);
  const { seconds, peakRssMb } = JSON.parse(line) as { seconds: number; peakRssMb: number };
  return { seconds, wallSeconds: (performance.now() - started) / 1000, peakRssMb, loadAverage: load };
}
