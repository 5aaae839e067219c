// Jest global setup: say once, at the top of every run, whether the page's browser tests run.
import { existsSync } from 'node:fs';

export default function browserNotice() {
  if (existsSync('/usr/bin/chromium')) {
    process.stderr.write('\nBrowser tests of the page and GraphiQL: running in /usr/bin/chromium\n');
  } else {
    process.stderr.write(
      "\nNOTICE: browser tests of the page and GraphiQL skipped (no /usr/bin/chromium). To run them: apt-get install -y chromium " +
        "(Debian's package; no browser is downloaded) && npm run test:jest -- --selectProjects e2e test/page.e2e-spec.ts test/graphiql.e2e-spec.ts\n",
    );
  }
}
