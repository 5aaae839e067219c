import { isIP } from 'node:net';

export interface BannerFacts {
  /** The address listened on and the port actually bound. */
  readonly host: string;
  readonly port: number;
  readonly eventStore: string;
  readonly dataDir: string;
  /** Whether the browser IDE is served at /graphql (outside production). */
  readonly ide: boolean;
  /** The development tokens this service made itself, when it has no auth configuration. */
  readonly devTokens?: { readonly file: string; readonly names: readonly string[] };
}

/** The origin a person on this machine types: a wildcard address is reached through loopback. */
export function originOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${isIP(reachable) === 6 ? `[${reachable}]` : reachable}:${port}`;
}

/** What a person starting the service needs on one screen: where everything is and one thing to try. */
export function startBanner(facts: BannerFacts): string {
  const origin = originOf(facts.host, facts.port);
  const where = facts.eventStore === 'sqlite' ? `SQLite in ${facts.dataDir}` : `EventStoreDB, read models in ${facts.dataDir}`;
  const lines = [
    `Tandem is ready (${where})`,
    `  Page      ${origin}/`,
    `  GraphQL   ${origin}/graphql${facts.ide ? '   (open it in a browser for the GraphiQL IDE)' : ''}`,
  ];
  if (facts.devTokens !== undefined) {
    lines.push(
      `  Tokens    ${facts.devTokens.file}, also at GET ${origin}/dev-tokens from this machine`,
      `            ${facts.devTokens.names.join(', ')}`,
      '  Try       ' +
        `TOKEN=$(node -p "require('${facts.devTokens.file}').revops"); ` +
        `curl -s ${origin}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' ` +
        `-d '{"query":"{ sharedGoals { name status progress { wonRevenue target attainment } } }"}'`,
    );
  } else {
    lines.push('  Tokens    signed with AUTH_JWT_SECRET or AUTH_JWKS_URL; npm run tandem -- tokens:issue mints one');
  }
  return `${lines.join('\n')}\n`;
}
