// Eight writers append at once through one instance of the real adapter, so their appends commit
// in groups, each printing every event of an acknowledged append as a JSON line, until killed.
//   node group-appends-until-killed.mjs <database file> <work folder>
import { randomUUID } from 'node:crypto';
import { loadSqliteAdapter } from './load-adapter.mjs';

const [file, workDir] = process.argv.slice(2);
const { SqliteEventStore } = await loadSqliteAdapter(workDir);
const store = new SqliteEventStore(file, { synchronous: 'FULL' });

async function writer(name) {
  // Two streams per writer, and one stream all writers race on without an expected revision.
  const own = [`deal-${name}-${randomUUID()}`, `goal-${name}-${randomUUID()}`];
  const expected = new Map(own.map((stream) => [stream, 'no_stream']));
  for (let batch = 0; ; batch++) {
    const shared = batch % 4 === 3;
    const stream = shared ? 'shared-stream' : own[batch % 2];
    const size = (batch % 3) + 1;
    const events = Array.from({ length: size }, (_, index) => ({ id: randomUUID(), type: 'Counted', data: { writer: name, batch, index, size }, metadata: {} }));
    const result = await store.appendToStream(stream, events, shared ? {} : { expectedRevision: expected.get(stream) });
    if (!shared) expected.set(stream, result.nextExpectedRevision);
    const firstRevision = result.nextExpectedRevision - size + 1;
    const firstPosition = Number(result.position) - size + 1;
    process.stdout.write(
      `${events.map((event, index) => JSON.stringify({ id: event.id, stream, revision: firstRevision + index, position: String(firstPosition + index) })).join('\n')}\n`,
    );
  }
}

await Promise.all(Array.from({ length: 8 }, (_, index) => writer(`w${index}`)));
