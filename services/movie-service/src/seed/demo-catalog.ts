import type { LayoutRowInput } from '../theaters/layout';
import type { MovieFields } from '../movies/movie-input';
import type { PriceRow } from '../database';

/** The demo catalogue written on first start of an empty database (SEED_DEMO_CATALOG). All invented. */

export interface DemoRoom {
  name: string;
  rows: LayoutRowInput[];
}

export interface DemoTheater {
  name: string;
  address: string;
  city: string;
  rooms: DemoRoom[];
}

const poster = (slug: string) => `https://example.com/posters/${slug}.jpg`;

export const DEMO_MOVIES: MovieFields[] = [
  {
    title: 'The Lighthouse Cartographer',
    description:
      'A reclusive mapmaker inherits a lighthouse on a shifting island and discovers that its beam redraws the coastline every night.',
    durationMinutes: 118,
    genres: ['Drama', 'Mystery'],
    rating: 'PG-13',
    posterUrl: poster('the-lighthouse-cartographer'),
    releaseDate: '2025-03-14',
  },
  {
    title: 'Velocity of Ghosts',
    description:
      'A disgraced rally driver is hired for one last cross-desert run, with a passenger who insists she died on that road ten years ago.',
    durationMinutes: 134,
    genres: ['Action', 'Thriller'],
    rating: 'R',
    posterUrl: poster('velocity-of-ghosts'),
    releaseDate: '2025-05-02',
  },
  {
    title: 'Paper Moons Over Osaka',
    description:
      "Two rival origami artists are forced to share a gallery for the summer festival, and slowly fold their way into each other's lives.",
    durationMinutes: 104,
    genres: ['Romance', 'Comedy'],
    rating: 'PG',
    posterUrl: poster('paper-moons-over-osaka'),
    releaseDate: '2024-11-22',
  },
  {
    title: 'Orbit Zero',
    description:
      'When the last crewed station loses contact with Earth, its youngest engineer must decide whether the silence is an accident or an order.',
    durationMinutes: 162,
    genres: ['Science Fiction', 'Adventure'],
    rating: 'PG-13',
    posterUrl: poster('orbit-zero'),
    releaseDate: '2025-07-18',
  },
  {
    title: 'Grandma Tembo Saves the Circus',
    description:
      'A retired elephant, three runaway acrobats and a very stubborn goose team up to keep the oldest travelling circus on the road.',
    durationMinutes: 92,
    genres: ['Animation', 'Family', 'Comedy'],
    rating: 'G',
    posterUrl: poster('grandma-tembo-saves-the-circus'),
    releaseDate: '2025-06-06',
  },
  {
    title: 'The Quiet Ledger',
    description:
      'A junior auditor at a sleepy regional bank finds a column of numbers that adds up to a forty-year-old disappearance.',
    durationMinutes: 127,
    genres: ['Crime', 'Thriller'],
    rating: 'R',
    posterUrl: poster('the-quiet-ledger'),
    releaseDate: '2025-02-07',
  },
  {
    title: 'Hollow Pines',
    description:
      'A family rents a cabin for the winter holidays; the forest around it keeps getting closer every morning.',
    durationMinutes: 99,
    genres: ['Horror'],
    rating: 'R',
    posterUrl: poster('hollow-pines'),
    releaseDate: '2024-10-31',
  },
  {
    title: 'Kings of the Low Tide',
    description:
      'An epic of three generations of oyster farmers fighting a shipping magnate for the right to their bay.',
    durationMinutes: 168,
    genres: ['Drama', 'History'],
    rating: 'PG-13',
    posterUrl: poster('kings-of-the-low-tide'),
    releaseDate: '2025-09-12',
  },
];

/** Rows lettered A, B, C... from the front, one pattern each. */
const lettered = (patterns: string[]): LayoutRowInput[] =>
  patterns.map((pattern, i) => ({ label: String.fromCharCode(65 + i), pattern }));

/*
 * Layout codes: S standard, V VIP, C couple, A accessible (wheelchair place), X blocked, '.' aisle.
 * Accessible places sit at the ends of the front rows, VIP in the back-centre, couple seats in the last row.
 */
export const DEMO_THEATERS: DemoTheater[] = [
  {
    name: 'Grand Meridian Cinema',
    address: '412 Harbor Boulevard',
    city: 'Port Alder',
    rooms: [
      {
        name: 'Screen 1',
        rows: lettered([
          'AA.SSSSSSSS.AA',
          'AS.SSSSSSSS.SA',
          'SS.SSSSSSSS.SS',
          'SS.SSSSSSSS.SS',
          'SS.SSSSSSSS.SS',
          'SS.SSSSSSSS.SS',
          'SS.SSSXSSSS.SS',
          'SS.SSSSSSSS.SS',
          'SS.SVVVVVVS.SS',
          'SS.SVVVVVVS.SS',
          'SS.SVVVVVVS.XS',
          '...CC.CC.CC...',
        ]),
      },
      {
        name: 'Screen 2',
        rows: lettered([
          'A.SSSSSSSS.A',
          'A.SSSSSSSS.A',
          'S.SSSSSSSS.S',
          'S.SSSSSSSS.S',
          'S.SSSSSSSS.S',
          'S.SSSSXSSS.S',
          'S.SSSSSSSS.S',
          'S.SSSSSSSS.S',
          'S.SVVVVVVS.S',
          'S.SVVVVVVS.S',
          'X.SVVVVVVS.S',
          '..CC.CC.CC..',
        ]),
      },
    ],
  },
  {
    name: 'Starlight Picturehouse',
    address: '27 Old Mill Lane',
    city: 'Brookhaven',
    rooms: [
      {
        name: 'The Velvet Room',
        rows: lettered([
          'AA.SSSSSS.AA',
          'SS.SSSSSS.SS',
          'SS.SSSSSS.SS',
          'SS.SSSSSS.SS',
          'SS.SSSSSS.SS',
          'SS.SSXSSS.SS',
          'SS.SSSSSS.SS',
          'SS.SSSSSS.SS',
          'SS.VVVVVV.SS',
          'SS.VVVVVV.SS',
          'SX.VVVVVV.SS',
          '.CC.CC.CC.CC',
        ]),
      },
      {
        name: 'Studio 4',
        rows: lettered([
          'A.SSSSSSSSSS.A',
          'A.SSSSSSSSSS.A',
          'S.SSSSSSSSSS.S',
          'S.SSSSSSSSSS.S',
          'S.SSSSSSSSSS.S',
          'S.SSSSSSSSSS.S',
          'S.SSSSXXSSSS.S',
          'S.SSSSSSSSSS.S',
          'S.SSVVVVVVSS.S',
          'S.SSVVVVVVSS.S',
          'S.SSVVVVVVSS.S',
          '..CC.CC.CC.CC.',
        ]),
      },
    ],
  },
];

/** Daily start times (UTC, minutes after midnight): 10:00, 13:30, 17:00, 20:30, 3.5 h apart. */
export const DEMO_SLOTS_MINUTES = [600, 810, 1020, 1230];
export const DEMO_DAYS = 7;
export const DEMO_CURRENCY = 'USD';
export const DEMO_PRICES: PriceRow[] = [
  { seatType: 'STANDARD', amount: 1200 },
  { seatType: 'VIP', amount: 1800 },
  { seatType: 'COUPLE', amount: 3000 },
  { seatType: 'ACCESSIBLE', amount: 1000 },
];
