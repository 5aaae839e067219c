import { fileURLToPath } from 'node:url';
import { NodeChild } from '../child-process.js';

/** The query the bare server answers: a constant, so the figure is Apollo and HTTP alone. */
export const BARE_QUERY = '{ hello }';

const SERVER = fileURLToPath(new URL('./bare-apollo-server.js', import.meta.url));

/** Starts the bare Apollo server in its own process; `url` is its GraphQL endpoint. */
export async function startBareApollo(): Promise<{ readonly url: string; readonly child: NodeChild }> {
  const child = NodeChild.start(SERVER, { env: { NODE_ENV: 'production' } });
  const { url } = JSON.parse(await child.nextLine(30_000)) as { url: string };
  return { url, child };
}
