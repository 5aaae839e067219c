// One of several processes racing for the revisions of one stream: after "go" on stdin, reads the
// stream's revision and appends one event expecting it, a number of times, printing each outcome.
//   node race-appends.mjs <database file> <work folder> <stream> <attempts>
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { loadSqliteAdapter } from './load-adapter.mjs';

const [file, workDir, stream, attempts] = process.argv.slice(2);
const { SqliteEventStore } = await loadSqliteAdapter(workDir);
// The race is for revisions, not for the write lock: a busy machine must not turn a wait for the
// lock into an error, so the lock is waited for longer than the adapter's default 5 s.
const store = new SqliteEventStore(file, { synchronous: 'FULL', busyTimeoutMs: 60_000 });
const print = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const counting = { initialState: () => 0, evolve: (count) => count + 1 };

print({ ready: true });
await once(process.stdin, 'data');

for (let attempt = 0; attempt < Number(attempts); attempt++) {
  const { currentRevision } = await store.aggregateStream(stream, counting);
  const event = { id: randomUUID(), type: 'Claimed', data: { attempt }, metadata: {} };
  try {
    const result = await store.appendToStream(stream, [event], { expectedRevision: currentRevision });
    print({ won: result.nextExpectedRevision, id: event.id, position: result.position });
  } catch (error) {
    print({ lost: error.name, expected: error.expected, actual: error.actual, message: error.message });
  }
}
await store.close();
print({ done: true });
