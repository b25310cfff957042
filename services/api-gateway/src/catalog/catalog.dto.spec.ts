import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { GatewayValidationPipe } from '../http/validation';
import { CreateMovieDto, UpdateMovieDto } from './catalog.dto';

const pipe = new GatewayValidationPipe();

/** The fields a body is refused for, or 'ok'. */
async function check(type: new () => object, body: unknown): Promise<string[] | 'ok'> {
  try {
    await pipe.transform(body, { type: 'body', metatype: type });
    return 'ok';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const { fields } = error.details as { fields: { field: string }[] };
    return fields.map((f) => f.field).sort();
  }
}

describe('UpdateMovieDto (PATCH /movies/:id)', () => {
  it('takes any subset of the fields, none required', async () => {
    expect(await check(UpdateMovieDto, {})).toBe('ok');
    expect(await check(UpdateMovieDto, { rating: 'PG' })).toBe('ok');
    expect(await check(CreateMovieDto, { rating: 'PG' })).toEqual(['durationMinutes', 'title']);
  });

  it('checks each field it is given as creation does', async () => {
    const bad = {
      title: '',
      description: 'x'.repeat(5001),
      durationMinutes: 0,
      genres: ['ok', ''],
      rating: 'x'.repeat(21),
      posterUrl: 7,
      releaseDate: '31.01.2030',
    };
    const fields = [
      'description',
      'durationMinutes',
      'genres',
      'posterUrl',
      'rating',
      'releaseDate',
      'title',
    ];
    expect(await check(UpdateMovieDto, bad)).toEqual(fields);
    expect(await check(CreateMovieDto, bad)).toEqual(fields);
    const good = {
      title: 'A Film',
      description: 'About a film.',
      durationMinutes: 1000,
      genres: ['Drama'],
      rating: 'PG-13',
      posterUrl: 'https://example.com/p.jpg',
      releaseDate: '2030-01-31',
    };
    expect(await check(UpdateMovieDto, good)).toBe('ok');
    expect(await check(CreateMovieDto, good)).toBe('ok');
  });

  it('refuses a field it does not know', async () => {
    expect(await check(UpdateMovieDto, { title: 'A Film', director: 'Someone' })).toEqual(['director']);
  });
});
