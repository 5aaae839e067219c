import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import send from '@fastify/send';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '../observability/request-log.js';

/** Paths the API answers itself: the page's routes never take them. */
const API_PATHS = ['/graphql', '/health', '/metrics', '/dev-tokens'] as const;

/**
 * The page loads nothing from another host (PRODUCT §10): scripts, styles, images and requests
 * all come from this origin (WebSocket subscriptions included: CSP 3 counts ws: to the same host
 * as 'self'), no inline script or style is allowed, and nothing may frame it.
 */
const POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The page's policy, with sources added to some directives (GraphiQL's data: fonts and icons). */
export const contentSecurityPolicy = (additions: Readonly<Record<string, string>> = {}): string =>
  Object.entries(POLICY)
    .map(([directive, sources]) => `${directive} ${sources}${additions[directive] ? ` ${additions[directive]}` : ''}`)
    .join('; ');

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Vite names every built asset after its content: a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files: the browser revalidates, so a new build is seen at once. */
const REVALIDATE = 'no-cache';

/** Whether the built page is where the service looks for it. */
export function pageIsBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Answers with the file at `path` (a URL path) under `root`, with `headers` when it is found, and
 * what `send` says otherwise (304 to a conditional request, 416 to a bad range, 404, 403 for a
 * dot file). Called from an `onRequest` hook that has taken the request.
 */
export function sendFile(request: FastifyRequest, reply: FastifyReply, root: string, path: string, headers: Readonly<Record<string, string>>): void {
  send(request.raw, path, { root, cacheControl: false, dotfiles: 'deny' }).then(
    ({ statusCode, headers: fileHeaders, stream, type }) => {
      if (type === 'file') void reply.headers(headers);
      void reply.code(statusCode).headers(fileHeaders).send(stream);
    },
    (error: unknown) => void reply.send(error),
  );
}

/**
 * Serves the built page from `root` only: its files as they are (dot files never), and its
 * index.html for the page's own routes (GET or HEAD of a path without a file extension), so that a
 * shared link such as /goals/q1?model=LINEAR opens the page. The API's paths, other methods and
 * missing files go on to Nest, which answers them as before (a missing asset is a 404, never the
 * page). An `onRequest` hook: a POST to /graphql pays one comparison.
 */
export function servePage(app: FastifyInstance, root: string): void {
  const base = resolve(root);
  const headers = (cacheControl: string) => ({ ...PAGE_HEADERS, 'Cache-Control': cacheControl });
  const assets = join(base, 'assets') + sep;
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    const path = pathOf(request);
    if (isApiPath(path)) return done();
    const file = fileUnder(base, path);
    if (file !== undefined) return sendFile(request, reply, base, path, headers(file.startsWith(assets) ? IMMUTABLE : REVALIDATE));
    // Not built (or removed under a running service): Nest answers 404.
    if (!isPageRoute(path) || !pageIsBuilt(base)) return done();
    sendFile(request, reply, base, '/index.html', headers(REVALIDATE));
  });
}

/** The regular file a URL path names under `base`, when there is one and no part of its path is a dot file. */
function fileUnder(base: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  const file = join(base, decoded);
  if (!file.startsWith(base + sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The page's routes are words: no file extension, no dot file or folder. */
function isPageRoute(path: string): boolean {
  return extname(path) === '' && !path.includes('/.');
}

function isApiPath(path: string): boolean {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
