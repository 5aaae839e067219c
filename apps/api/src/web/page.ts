import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import express, { type RequestHandler, type Response } from 'express';

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
 * Serves the built page from `root` only: its files as they are (dot files never), and its
 * index.html for the page's own routes (GET or HEAD of a path without a file extension), so that a shared link
 * such as /goals/q1?model=LINEAR opens the page. The API's paths, other methods and missing
 * files fall through to Nest, which answers them as before (a missing asset is a 404, never
 * the page).
 */
export function servePage(root: string): RequestHandler {
  const assets = join(root, 'assets') + sep;
  const files = express.static(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    cacheControl: false,
    setHeaders: (response: Response, path: string) => {
      pageHeaders(response, path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
  const index = join(root, 'index.html');
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) {
      next();
      return;
    }
    files(request, response, (error?: unknown) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      if (!isPageRoute(request.path)) {
        next();
        return;
      }
      pageHeaders(response, REVALIDATE);
      response.sendFile(index, { cacheControl: false, dotfiles: 'deny' }, (sendError?: Error) => {
        // Not built (or removed under a running service): Nest answers 404.
        if (sendError !== undefined && !response.headersSent) next();
      });
    });
  };
}

/** The page's routes are words: no file extension, no dot file or folder. */
function isPageRoute(path: string): boolean {
  return extname(path) === '' && !path.includes('/.');
}

function isApiPath(path: string): boolean {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function pageHeaders(response: Response, cacheControl: string): void {
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
}
