import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '../observability/request-log.js';
import { contentSecurityPolicy, sendFile } from './page.js';

/** Where the build puts GraphiQL, beside the page (apps/web/graphiql/index.html). */
const IDE_FILE = join('graphiql', 'index.html');

/**
 * GraphiQL's own policy: everything from this origin, as for the page, except that its bundled
 * fonts and icons are data: URLs inside its stylesheet (still nothing from another host).
 */
export const IDE_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ 'img-src': 'data:', 'font-src': 'data:' });

/** Set only when the IDE is sent: without a build, the API's answer carries none of them. */
const IDE_HEADERS = {
  'Cache-Control': 'no-cache',
  'Content-Security-Policy': IDE_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function ideIsBuilt(root: string): boolean {
  return existsSync(join(root, IDE_FILE));
}

/**
 * A browser opening /graphql (a GET that asks for HTML) gets GraphiQL, built from installed
 * packages. Clients asking for JSON, POSTs and WebSocket upgrades go on to the API as before.
 * Added outside production only: the IDE leans on introspection, which production turns off.
 * An `onRequest` hook.
 */
export function serveIde(app: FastifyInstance, root: string): void {
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || pathOf(request) !== '/graphql' || !wantsHtml(request.headers.accept)) return done();
    // Not built: the API answers as it would without the IDE.
    if (!ideIsBuilt(root)) return done();
    sendFile(request, reply, resolve(root), `/${IDE_FILE}`, IDE_HEADERS);
  });
}

/** A browser's navigation lists text/html first; API clients ask for JSON or for anything. */
function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.split(',')[0]!.trim().startsWith('text/html');
}
