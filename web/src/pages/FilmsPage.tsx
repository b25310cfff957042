import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { ErrorNote, Loading, Poster, useLoad } from '../components';
import { Link } from '../router';

export function FilmsPage() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [genre, setGenre] = useState('');
  // The search runs once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const [all] = useLoad(() => api.movies(), []);
  const [films, retry] = useLoad(() => api.movies({ q: query, genre }), [query, genre]);
  const genres = all.state === 'ready' ? [...new Set(all.value.items.flatMap((m) => m.genres))].sort() : [];

  return (
    <>
      <h1>Films</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search titles
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        </label>
        <label>
          Genre
          <select value={genre} onChange={(e) => setGenre(e.target.value)}>
            <option value="">All genres</option>
            {genres.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </form>
      {films.state === 'loading' && <Loading what="films" />}
      {films.state === 'error' && <ErrorNote error={films.error} retry={retry} />}
      {films.state === 'ready' &&
        (films.value.items.length === 0 ? (
          <p role="status">No film matches your search.</p>
        ) : (
          <ul className="film-grid" aria-label="Films">
            {films.value.items.map((m) => (
              <li key={m.id} className="film-card">
                <Link href={`/films/${m.id}`}>
                  <Poster title={m.title} url={m.posterUrl} />
                  <span className="film-title">{m.title}</span>
                </Link>
                <span className="film-meta">
                  {m.durationMinutes} min{m.rating ? ` · ${m.rating}` : ''}
                </span>
                <span className="film-meta">{m.genres.join(', ')}</span>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
