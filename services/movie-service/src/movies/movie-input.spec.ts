import { describe, expect, it } from 'vitest';
import { applyMoviePatch, validateMovie, type MovieFields } from './movie-input';

const valid: MovieFields = {
  title: ' Orbit Zero ',
  description: 'Space.',
  durationMinutes: 120,
  genres: ['Sci-Fi', 'sci-fi ', 'Drama'],
  rating: 'PG-13',
  posterUrl: 'https://example.com/p.jpg',
  releaseDate: '2025-07-18',
};

describe('validateMovie', () => {
  it('trims and de-duplicates', () => {
    const { movie, problems } = validateMovie(valid);
    expect(problems).toEqual([]);
    expect(movie.title).toBe('Orbit Zero');
    expect(movie.genres).toEqual(['Sci-Fi', 'Drama']);
  });

  it('names every bad field', () => {
    const { problems } = validateMovie({
      ...valid,
      title: '',
      durationMinutes: 601,
      posterUrl: 'ftp://x',
      releaseDate: '2025-02-30',
    });
    expect(problems.map((p) => p.field)).toEqual(['title', 'durationMinutes', 'posterUrl', 'releaseDate']);
  });
});

describe('applyMoviePatch', () => {
  it('changes only the given fields and clears optional ones with null', () => {
    const { movie, problems } = applyMoviePatch(valid, JSON.stringify({ durationMinutes: 95, rating: null }));
    expect(problems).toEqual([]);
    expect(movie).toMatchObject({ title: 'Orbit Zero', durationMinutes: 95, rating: '' });
  });

  it('refuses unknown fields, wrong types and non-objects', () => {
    expect(applyMoviePatch(valid, '{"colour":"red","title":5}').problems.map((p) => p.field)).toEqual([
      'colour',
      'title',
    ]);
    expect(applyMoviePatch(valid, '[1]').problems[0]?.field).toBe('patch');
    expect(applyMoviePatch(valid, 'nope').problems[0]?.field).toBe('patch');
  });
});
