// A small history router: the app has a handful of routes, none of which needs more than a path pattern.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATED = 'cinema:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATED, listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path with its query string; re-renders on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** The client routes. The gateway answers each of these paths with index.html (keep both lists equal). */
export type Route =
  | { name: 'films' }
  | { name: 'film'; movieId: string }
  | { name: 'seats'; showtimeId: string }
  | { name: 'checkout'; bookingId: string }
  | { name: 'bookings' }
  | { name: 'signIn' }
  | { name: 'register' }
  | { name: 'manage' }
  | { name: 'notFound' };

export function matchRoute(location: string): Route {
  const path = location.split('?')[0].replace(/\/+$/, '') || '/';
  let m: RegExpMatchArray | null;
  if (path === '/' || path === '/films') return { name: 'films' };
  if ((m = path.match(/^\/films\/([^/]+)$/))) return { name: 'film', movieId: decodeURIComponent(m[1]) };
  if ((m = path.match(/^\/book\/([^/]+)$/))) return { name: 'seats', showtimeId: decodeURIComponent(m[1]) };
  if ((m = path.match(/^\/checkout\/([^/]+)$/))) {
    return { name: 'checkout', bookingId: decodeURIComponent(m[1]) };
  }
  if (path === '/my-bookings') return { name: 'bookings' };
  if (path === '/sign-in') return { name: 'signIn' };
  if (path === '/register') return { name: 'register' };
  if (path === '/manage' || path.startsWith('/manage/')) return { name: 'manage' };
  return { name: 'notFound' };
}

/** The `next` query parameter of a sign-in link, when it names a path of this app. */
export function nextPath(location: string): string {
  const next = new URLSearchParams(location.split('?')[1] ?? '').get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
