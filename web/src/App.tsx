import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from './api/client';
import { Loading, useUser } from './components';
import { AuthRequired } from './AuthRequired';
import { BookingsPage } from './pages/BookingsPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { FilmPage } from './pages/FilmPage';
import { FilmsPage } from './pages/FilmsPage';
import { RegisterPage, SignInPage } from './pages/AuthPages';
import { SeatsPage } from './pages/SeatsPage';
import { Link, matchRoute, navigate, useLocation, type Route } from './router';

// The manager's pages are a chunk of their own: a moviegoer's first page never loads them.
const AdminApp = lazy(() => import('./admin/AdminApp'));

function Page({ route, location }: { route: Route; location: string }) {
  switch (route.name) {
    case 'films':
      return <FilmsPage />;
    case 'film':
      return <FilmPage movieId={route.movieId} />;
    case 'seats':
      return <SeatsPage showtimeId={route.showtimeId} />;
    case 'checkout':
      return (
        <AuthRequired>
          <CheckoutPage bookingId={route.bookingId} />
        </AuthRequired>
      );
    case 'bookings':
      return (
        <AuthRequired>
          <BookingsPage />
        </AuthRequired>
      );
    case 'signIn':
      return <SignInPage />;
    case 'register':
      return <RegisterPage />;
    case 'manage':
      return (
        <AuthRequired>
          <Suspense fallback={<Loading what="the manager's pages" />}>
            <AdminApp location={location} />
          </Suspense>
        </AuthRequired>
      );
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is nothing at this address. <Link href="/">See the films</Link>
          </p>
        </>
      );
  }
}

const TITLES: Record<Route['name'], string> = {
  films: 'Films',
  film: 'Film',
  seats: 'Choose seats',
  checkout: 'Checkout',
  bookings: 'My bookings',
  signIn: 'Sign in',
  register: 'Create an account',
  manage: 'Cinema management',
  notFound: 'Page not found',
};

export function App() {
  const location = useLocation();
  const route = matchRoute(location);
  const user = useUser();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // On each navigation (not the first load) the focus goes to the new page, as a full load would put it.
  useEffect(() => {
    document.title = `${TITLES[route.name]} · Cinema`;
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location, route.name]);

  const signOut = async () => {
    await api.logout().catch(() => undefined);
    navigate('/');
  };

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Cinema
        </Link>
        <nav aria-label="Main">
          <Link href="/" aria-current={route.name === 'films' ? 'page' : undefined}>
            Films
          </Link>
          {user?.role === 'admin' && (
            <Link href="/manage" aria-current={route.name === 'manage' ? 'page' : undefined}>
              Manage
            </Link>
          )}
          {user && (
            <Link href="/my-bookings" aria-current={route.name === 'bookings' ? 'page' : undefined}>
              My bookings
            </Link>
          )}
          {user ? (
            <>
              <span className="who" data-user-email={user.email}>
                {user.name}
              </span>
              <button type="button" className="link" onClick={signOut}>
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link href={`/sign-in?next=${encodeURIComponent(location)}`}>Sign in</Link>
              <Link href={`/register?next=${encodeURIComponent(location)}`}>Register</Link>
            </>
          )}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} location={location} />
      </main>
    </>
  );
}
