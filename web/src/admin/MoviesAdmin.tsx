import { useState, type FormEvent } from 'react';
import type { Movie } from '../api/types';
import { Loading, useLoad } from '../components';
import { admin, type MovieInput } from './api';
import { FormEnd, Outcome, Problem, RetireButton, useAction } from './common';

interface Draft {
  title: string;
  durationMinutes: string;
  description: string;
  genres: string;
  rating: string;
  posterUrl: string;
  releaseDate: string;
}

const EMPTY: Draft = {
  title: '',
  durationMinutes: '',
  description: '',
  genres: '',
  rating: '',
  posterUrl: '',
  releaseDate: '',
};

function draftOf(movie: Movie): Draft {
  return {
    title: movie.title,
    durationMinutes: String(movie.durationMinutes),
    description: movie.description,
    genres: movie.genres.join(', '),
    rating: movie.rating ?? '',
    posterUrl: movie.posterUrl ?? '',
    releaseDate: movie.releaseDate?.slice(0, 10) ?? '',
  };
}

function inputOf(d: Draft): MovieInput {
  return {
    title: d.title.trim(),
    durationMinutes: Number(d.durationMinutes),
    description: d.description.trim(),
    genres: d.genres
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
    rating: d.rating.trim() || undefined,
    posterUrl: d.posterUrl.trim() || undefined,
    releaseDate: d.releaseDate || undefined,
  };
}

function MovieForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: Movie;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : EMPTY);
  const action = useAction();
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(draft);
    const ok = await action.run(async () => {
      const movie = editing ? await admin.updateMovie(editing.id, input) : await admin.createMovie(input);
      return `${movie.title} ${editing ? 'saved' : 'added to the catalogue'}.`;
    });
    if (ok) {
      if (!editing) setDraft(EMPTY);
      onSaved();
    }
  };
  const prefix = editing ? 'edit' : 'new';
  return (
    <form className="admin-form stack" onSubmit={submit} aria-labelledby={`${prefix}-movie-heading`}>
      <h2 id={`${prefix}-movie-heading`}>{editing ? `Edit ${editing.title}` : 'Add a film'}</h2>
      <div className="field-grid">
        <label>
          Title
          <input required maxLength={200} value={draft.title} onChange={set('title')} />
        </label>
        <label>
          Length in minutes
          <input
            required
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            value={draft.durationMinutes}
            onChange={set('durationMinutes')}
          />
        </label>
        <label>
          Genres <span className="hint">(comma separated)</span>
          <input value={draft.genres} onChange={set('genres')} />
        </label>
        <label>
          Rating
          <input value={draft.rating} onChange={set('rating')} />
        </label>
        <label>
          Release date
          <input type="date" value={draft.releaseDate} onChange={set('releaseDate')} />
        </label>
        <label>
          Poster address
          <input type="url" value={draft.posterUrl} onChange={set('posterUrl')} placeholder="https://…" />
        </label>
      </div>
      <label>
        Description
        <textarea rows={3} value={draft.description} onChange={set('description')} />
      </label>
      <FormEnd action={action} submit={editing ? 'Save film' : 'Add film'} onCancel={editing && onCancel} />
    </form>
  );
}

export function MoviesAdmin() {
  const [movies, reload] = useLoad(() => admin.movies(), []);
  const [editing, setEditing] = useState<Movie | undefined>();
  const retire = useAction();

  return (
    <>
      <h1>Films</h1>
      <MovieForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSaved={reload}
        onCancel={() => setEditing(undefined)}
      />
      <h2>Catalogue</h2>
      <Outcome action={retire} />
      {movies.state === 'loading' && <Loading what="films" />}
      {movies.state === 'error' && <Problem error={movies.error} retry={reload} />}
      {movies.state === 'ready' && (
        <ul className="admin-list">
          {movies.value.items.map((movie) => (
            <li key={movie.id} data-movie-id={movie.id}>
              <div>
                <strong>{movie.title}</strong>
                <span className="hint">
                  {' '}
                  {movie.durationMinutes} min{movie.genres.length > 0 && ` · ${movie.genres.join(', ')}`}
                </span>
              </div>
              <div className="actions">
                <button type="button" onClick={() => setEditing(movie)} aria-label={`Edit ${movie.title}`}>
                  Edit
                </button>
                <RetireButton
                  name={movie.title}
                  action={retire}
                  retire={() => admin.retireMovie(movie.id)}
                  said={`${movie.title} was retired: it no longer shows in the programme.`}
                  onRetired={reload}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
