// Jest global setup: say once, at the top of every run, whether the EventStoreDB contract run happens.
export default function esdbNotice() {
  if (process.env.EVENTSTORE_CONNECTION_STRING) {
    process.stderr.write(`\nEventStoreDB contract suite: running against ${process.env.EVENTSTORE_CONNECTION_STRING}\n`);
  } else {
    process.stderr.write(
      '\nNOTICE: EventStoreDB contract suite skipped (no server configured). To run it: ' +
        'docker compose up -d eventstore && EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npm run test:esdb\n',
    );
  }
}
