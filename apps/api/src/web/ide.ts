import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { contentSecurityPolicy } from './page.js';

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
 * Mounted outside production only: the IDE leans on introspection, which production turns off.
 */
export function serveIde(root: string): RequestHandler {
  const file = join(root, IDE_FILE);
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path !== '/graphql' || !wantsHtml(request.headers.accept)) {
      next();
      return;
    }
    response.sendFile(file, { cacheControl: false, dotfiles: 'deny', headers: IDE_HEADERS }, (error?: Error) => {
      // Not built: the API answers as it would without the IDE.
      if (error !== undefined && !response.headersSent) next();
    });
  };
}

/** A browser's navigation lists text/html first; API clients ask for JSON or for anything. */
function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.split(',')[0]!.trim().startsWith('text/html');
}
