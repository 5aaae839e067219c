import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { hrefOf, parseRoute, type Route } from './routes';

const CHANGE = 'tandem:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const locationKey = () => `${window.location.pathname}${window.location.search}`;

/** The route the address bar names, kept in step with back and forward. */
export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, locationKey);
  const queryAt = key.indexOf('?');
  return parseRoute(queryAt === -1 ? key : key.slice(0, queryAt), queryAt === -1 ? '' : key.slice(queryAt));
}

export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (href === locationKey()) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { readonly to: Route };

/** A real link (it opens in a new tab, it can be copied) that moves within the page on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={hrefOf(to)} onClick={follow} {...rest} />;
}
