// Appends batches of one to three events to two streams through the real adapter, one append at
// a time, and prints every event of an acknowledged append as a JSON line, until it is killed.
//   node append-until-killed.mjs <database file> <work folder>
import { randomUUID } from 'node:crypto';
import { loadSqliteAdapter } from './load-adapter.mjs';

const [file, workDir] = process.argv.slice(2);
const { SqliteEventStore } = await loadSqliteAdapter(workDir);
const store = new SqliteEventStore(file, { synchronous: 'FULL' });
const streams = [`deal-${randomUUID()}`, `goal-${randomUUID()}`];
const expected = new Map(streams.map((stream) => [stream, 'no_stream']));

for (let batch = 0; ; batch++) {
  const stream = streams[batch % streams.length];
  const size = (batch % 3) + 1;
  const events = Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    type: 'Counted',
    data: { batch, index, size },
    metadata: {},
  }));
  const result = await store.appendToStream(stream, events, { expectedRevision: expected.get(stream) });
  expected.set(stream, result.nextExpectedRevision);
  const firstRevision = result.nextExpectedRevision - size + 1;
  const firstPosition = Number(result.position) - size + 1;
  const lines = events.map((event, index) =>
    JSON.stringify({
      id: event.id,
      stream,
      revision: firstRevision + index,
      position: String(firstPosition + index),
      synchronous: store.synchronous,
    }),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  // Lets the pipe to the parent drain between appends.
  await new Promise((resolve) => setImmediate(resolve));
}
