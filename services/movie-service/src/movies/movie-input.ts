import type { FieldError } from '@cinema/contracts';
import { isCalendarDate } from '../requests';

/** A movie's editable fields after validation; empty strings mean "not set". */
export interface MovieFields {
  title: string;
  description: string;
  durationMinutes: number;
  genres: string[];
  rating: string;
  posterUrl: string;
  releaseDate: string;
}

const FIELD_NAMES: (keyof MovieFields)[] = [
  'title',
  'description',
  'durationMinutes',
  'genres',
  'rating',
  'posterUrl',
  'releaseDate',
];

/** Validates a whole movie (create) and normalises it: trimmed strings, genres de-duplicated. */
export function validateMovie(input: MovieFields): { movie: MovieFields; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const movie = normalise(input);
  if (movie.title.length < 1 || movie.title.length > 200)
    problems.push({ field: 'title', message: 'must be 1 to 200 characters' });
  if (movie.description.length > 5000)
    problems.push({ field: 'description', message: 'must be at most 5000 characters' });
  if (!Number.isInteger(movie.durationMinutes) || movie.durationMinutes < 1 || movie.durationMinutes > 600)
    problems.push({ field: 'durationMinutes', message: 'must be a whole number of minutes from 1 to 600' });
  if (movie.genres.length > 10) problems.push({ field: 'genres', message: 'must list at most 10 genres' });
  if (movie.genres.some((g) => g.length < 1 || g.length > 50))
    problems.push({ field: 'genres', message: 'each genre must be 1 to 50 characters' });
  if (movie.rating.length > 20) problems.push({ field: 'rating', message: 'must be at most 20 characters' });
  if (movie.posterUrl && !isHttpUrl(movie.posterUrl))
    problems.push({ field: 'posterUrl', message: 'must be an http(s) URL of at most 2000 characters' });
  if (movie.releaseDate && !isCalendarDate(movie.releaseDate))
    problems.push({ field: 'releaseDate', message: 'must be a date written YYYY-MM-DD' });
  return { movie, problems };
}

/**
 * Applies a JSON patch object (a partial MovieInput) to the current fields. Absent keys keep their value;
 * null clears an optional field. Type errors are reported per field.
 */
export function applyMoviePatch(
  current: MovieFields,
  patchJson: string,
): { movie: MovieFields; problems: FieldError[] } {
  let patch: unknown;
  try {
    patch = JSON.parse(patchJson || '{}');
  } catch {
    return { movie: current, problems: [{ field: 'patch', message: 'must be a JSON object' }] };
  }
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return { movie: current, problems: [{ field: 'patch', message: 'must be a JSON object' }] };

  const problems: FieldError[] = [];
  const next: MovieFields = { ...current, genres: [...current.genres] };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!FIELD_NAMES.includes(key as keyof MovieFields)) {
      problems.push({ field: key, message: 'is not a movie field' });
      continue;
    }
    const field = key as keyof MovieFields;
    if (field === 'durationMinutes') {
      if (typeof value === 'number') next.durationMinutes = value;
      else problems.push({ field, message: 'must be a number' });
    } else if (field === 'genres') {
      if (value === null) next.genres = [];
      else if (Array.isArray(value) && value.every((g) => typeof g === 'string')) next.genres = value;
      else problems.push({ field, message: 'must be a list of strings' });
    } else if (field === 'title') {
      if (typeof value === 'string') next.title = value;
      else problems.push({ field, message: 'must be a string' });
    } else if (value === null) {
      next[field] = '';
    } else if (typeof value === 'string') {
      next[field] = value;
    } else {
      problems.push({ field, message: 'must be a string or null' });
    }
  }
  const validated = validateMovie(next);
  return { movie: validated.movie, problems: [...problems, ...validated.problems] };
}

function normalise(input: MovieFields): MovieFields {
  const genres: string[] = [];
  for (const genre of input.genres.map((g) => g.trim())) {
    if (!genres.some((g) => g.toLowerCase() === genre.toLowerCase())) genres.push(genre);
  }
  return {
    title: input.title.trim(),
    description: input.description.trim(),
    durationMinutes: input.durationMinutes,
    genres,
    rating: input.rating.trim(),
    posterUrl: input.posterUrl.trim(),
    releaseDate: input.releaseDate.trim(),
  };
}

function isHttpUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
