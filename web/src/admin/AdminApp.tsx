// The cinema manager's pages, loaded on their own (code-split) the first time an administrator opens one.
import { useUser } from '../components';
import { Link } from '../router';
import { MoviesAdmin } from './MoviesAdmin';
import { Reports } from './Reports';
import { EditRoom, NewRoom } from './RoomEditor';
import { Schedule } from './Schedule';
import { ShowtimeAdmin } from './ShowtimeAdmin';
import { TheatersAdmin } from './TheatersAdmin';

export type AdminRoute =
  | { name: 'movies' }
  | { name: 'theaters' }
  | { name: 'newRoom'; theaterId: string }
  | { name: 'room'; roomId: string; theaterId: string; created: boolean }
  | { name: 'schedule'; roomId: string; week?: string }
  | { name: 'showtime'; showtimeId: string }
  | { name: 'reports' }
  | { name: 'notFound' };

export function matchAdminRoute(location: string): AdminRoute {
  const [rawPath, search = ''] = location.split('?');
  const path = rawPath.replace(/\/+$/, '');
  const params = new URLSearchParams(search);
  const d = decodeURIComponent;
  let m: RegExpMatchArray | null;
  if (path === '/manage' || path === '/manage/movies') return { name: 'movies' };
  if (path === '/manage/theaters') return { name: 'theaters' };
  if ((m = path.match(/^\/manage\/theaters\/([^/]+)\/rooms\/new$/)))
    return { name: 'newRoom', theaterId: d(m[1]) };
  if ((m = path.match(/^\/manage\/rooms\/([^/]+)\/schedule$/))) {
    return { name: 'schedule', roomId: d(m[1]), week: params.get('week') ?? undefined };
  }
  if ((m = path.match(/^\/manage\/rooms\/([^/]+)$/))) {
    return {
      name: 'room',
      roomId: d(m[1]),
      theaterId: params.get('theater') ?? '',
      created: params.has('created'),
    };
  }
  if ((m = path.match(/^\/manage\/showtimes\/([^/]+)$/))) return { name: 'showtime', showtimeId: d(m[1]) };
  if (path === '/manage/reports') return { name: 'reports' };
  return { name: 'notFound' };
}

function Page({ route }: { route: AdminRoute }) {
  switch (route.name) {
    case 'movies':
      return <MoviesAdmin />;
    case 'theaters':
      return <TheatersAdmin />;
    case 'newRoom':
      return <NewRoom theaterId={route.theaterId} />;
    case 'room':
      return <EditRoom roomId={route.roomId} theaterId={route.theaterId} created={route.created} />;
    case 'schedule':
      return <Schedule roomId={route.roomId} week={route.week} />;
    case 'showtime':
      return <ShowtimeAdmin showtimeId={route.showtimeId} />;
    case 'reports':
      return <Reports />;
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is no manager page at this address. <Link href="/manage">See the films</Link>
          </p>
        </>
      );
  }
}

const SECTIONS: { href: string; label: string; names: AdminRoute['name'][] }[] = [
  { href: '/manage/movies', label: 'Films', names: ['movies'] },
  {
    href: '/manage/theaters',
    label: 'Theaters and rooms',
    names: ['theaters', 'newRoom', 'room', 'schedule', 'showtime'],
  },
  { href: '/manage/reports', label: 'Reports', names: ['reports'] },
];

export default function AdminApp({ location }: { location: string }) {
  const user = useUser();
  const route = matchAdminRoute(location);
  if (user?.role !== 'admin') {
    return (
      <>
        <h1>Cinema management</h1>
        <div className="note error" role="alert">
          <p>These pages are for cinema managers only. Sign in with a manager&apos;s account.</p>
        </div>
      </>
    );
  }
  return (
    <div className="admin">
      <nav aria-label="Management" className="admin-nav">
        {SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} aria-current={s.names.includes(route.name) ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      <Page key={location.split('?')[0]} route={route} />
    </div>
  );
}
