// Generated from the gateway OpenAPI document (GET /docs-json) by web/scripts/openapi-types.mjs: do not edit.
export interface paths {
  '/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/movies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MoviesController_list'];
    put?: never;
    post: operations['MoviesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/movies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MoviesController_get'];
    put?: never;
    post?: never;
    delete: operations['CatalogAdminController_retireMovie'];
    options?: never;
    head?: never;
    patch: operations['MoviesController_update'];
    trace?: never;
  };
  '/movies/{id}/showtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MoviesController_showtimes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/showtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ShowtimesController_list'];
    put?: never;
    post: operations['ShowtimesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/showtimes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ShowtimesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['CatalogAdminController_updateShowtime'];
    trace?: never;
  };
  '/theaters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TheatersController_list'];
    put?: never;
    post: operations['TheatersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/theaters/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TheatersController_get'];
    put?: never;
    post?: never;
    delete: operations['CatalogAdminController_retireTheater'];
    options?: never;
    head?: never;
    patch: operations['CatalogAdminController_updateTheater'];
    trace?: never;
  };
  '/theaters/{id}/rooms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TheatersController_createRoom'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rooms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['CatalogAdminController_retireRoom'];
    options?: never;
    head?: never;
    patch: operations['CatalogAdminController_updateRoom'];
    trace?: never;
  };
  '/seats/layout/{roomId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SeatsController_layout'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/seats/status/{showtimeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SeatsController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/seats/hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SeatsController_hold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/seats/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SeatsController_release'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/seats/book': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SeatsController_book'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/seats/stream/{showtimeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SeatsController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/showtimes/{id}/blocked-seats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BlockedSeatsController_get'];
    put: operations['BlockedSeatsController_replace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BookingsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BookingsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bookings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['BookingsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/payment/pay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PaymentsController_pay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/payment/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PaymentsController_callback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bookings/{id}/ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TicketsController_ticket'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TicketsController_keys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/checkin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TicketsController_checkIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['UsersController_setRole'];
    trace?: never;
  };
  '/showtimes/{id}/waiting-room': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WaitingRoomController_status'];
    put?: never;
    post: operations['WaitingRoomController_join'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/showtimes/{id}/waiting-room/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WaitingRoomController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/showtimes/{id}/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminController_showtimeBookings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminController_payments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/bookings/{id}/refund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AdminController_refund'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/showtimes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_showtime'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/daily': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_daily'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/showtimes/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ShowtimeCancellationController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description Stable and machine-readable (docs/api.md#errors)
     * @enum {string}
     */
    ErrorCode:
      | 'VALIDATION_FAILED'
      | 'INVALID_SIGNATURE'
      | 'SHOWTIME_STARTED'
      | 'INVALID_TICKET'
      | 'UNAUTHENTICATED'
      | 'INVALID_CREDENTIALS'
      | 'INVALID_TOKEN'
      | 'FORBIDDEN'
      | 'NOT_ADMITTED'
      | 'NOT_FOUND'
      | 'REQUEST_TIMEOUT'
      | 'EMAIL_TAKEN'
      | 'SEATS_UNAVAILABLE'
      | 'HOLD_EXPIRED'
      | 'BOOKING_NOT_PAYABLE'
      | 'BOOKING_NOT_CANCELLABLE'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'IDEMPOTENCY_KEY_IN_USE'
      | 'SHOWTIME_OVERLAP'
      | 'SHOWTIME_CANCELLED'
      | 'SHOWTIME_HAS_SALES'
      | 'NOT_ON_SALE'
      | 'LAYOUT_LOCKED'
      | 'RESOURCE_IN_USE'
      | 'COMPANION_SEAT_ALONE'
      | 'BOOKING_NOT_REFUNDABLE'
      | 'ALREADY_CHECKED_IN'
      | 'TICKET_NOT_VALID'
      | 'WRONG_SHOWTIME'
      | 'CONFLICT'
      | 'PAYLOAD_TOO_LARGE'
      | 'RATE_LIMITED'
      | 'HEADERS_TOO_LARGE'
      | 'INTERNAL'
      | 'UNAVAILABLE';
    ErrorBodyDto: {
      /**
       * @description The HTTP status, repeated
       * @example 409
       */
      statusCode: number;
      /**
       * @description The HTTP reason phrase of statusCode
       * @example Conflict
       */
      error: string;
      /** @description Stable and machine-readable (docs/api.md#errors) */
      code: components['schemas']['ErrorCode'];
      /** @example These seats are not available */
      message: string;
      /**
       * @description Always present, `{}` when there is nothing to add. VALIDATION_FAILED: `fields` ([{field, message}]); SEATS_UNAVAILABLE: `seatIds`; RATE_LIMITED: `retryAfterSeconds`; UNAVAILABLE: `service` and, when known, `retryAfterSeconds`; INTERNAL: `requestId`.
       * @example {
       *       "seatIds": [
       *         "6f1c1f9e-6a55-4b52-9d1e-4f3c0a7b2d11"
       *       ]
       *     }
       */
      details: {
        [key: string]: unknown;
      };
    };
    FieldErrorDto: {
      /** @example seatIds.0 */
      field: string;
      /** @example seatIds.0 must be an id */
      message: string;
    };
    RegisterDto: {
      /** @example ada@example.com */
      email: string;
      password: string;
      /** @example Ada Lovelace */
      name: string;
    };
    UserDto: {
      /**
       * Format: uuid
       * @example 2b0e8f5c-3c5e-4f0a-9d41-6a1f7e9b8c21
       */
      id: string;
      /** @example ada@example.com */
      email: string;
      /** @example Ada Lovelace */
      name: string;
      /**
       * @example customer
       * @enum {string}
       */
      role: 'customer' | 'usher' | 'admin';
    };
    SessionDto: {
      user: components['schemas']['UserDto'];
      /**
       * @description HS256 JWT for `Authorization: Bearer`
       * @example eyJhbGciOiJIUzI1NiJ9.e30.c2ln
       */
      accessToken: string;
      /**
       * @description Spent by POST /auth/refresh
       * @example rt_3q2+7w==
       */
      refreshToken: string;
      /**
       * @description Seconds the access token lives
       * @example 900
       */
      expiresIn: number;
    };
    LoginDto: {
      email: string;
      password: string;
    };
    ValidateTokenDto: {
      token: string;
    };
    TokenValidDto: {
      /**
       * @example true
       * @enum {boolean}
       */
      valid: true;
      user: components['schemas']['UserDto'];
    };
    RefreshDto: {
      refreshToken: string;
    };
    LogoutDto: {
      /** @description A refresh token of the session to end; its whole family is revoked */
      refreshToken: string;
    };
    MovieDto: {
      /**
       * Format: uuid
       * @example 0f8d7a3e-6c1b-4b8e-9a57-1d2c3b4a5e6f
       */
      id: string;
      /** @example The Long Rehearsal */
      title: string;
      /**
       * @description Empty when not given
       * @example A troupe rehearses a play that never opens.
       */
      description: string;
      /** @example 120 */
      durationMinutes: number;
      /**
       * @example [
       *       "Drama"
       *     ]
       */
      genres: string[];
      /**
       * @description Empty when not given
       * @example PG-13
       */
      rating: string;
      /**
       * @description Empty when not given
       * @example https://example.com/poster.jpg
       */
      posterUrl: string;
      /**
       * @description YYYY-MM-DD, empty when not given
       * @example 2030-01-31
       */
      releaseDate: string;
      /**
       * Format: date-time
       * @description When it was retired (DELETE); absent while it is in use. A retired one is left out of listings
       */
      retiredAt?: string;
    };
    MovieListDto: {
      items: components['schemas']['MovieDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      limit: number;
      /**
       * @description All items on every page
       * @example 1
       */
      total: number;
    };
    ShowtimeDto: {
      /**
       * Format: uuid
       * @example 5a9e1c2d-3b4f-4a6e-8d7c-9b0a1f2e3d4c
       */
      id: string;
      /** Format: uuid */
      movieId: string;
      /** Format: uuid */
      theaterId: string;
      /** Format: uuid */
      roomId: string;
      /**
       * Format: date-time
       * @example 2030-01-31T19:30:00.000Z
       */
      startsAt: string;
      /**
       * Format: date-time
       * @example 2030-01-31T21:30:00.000Z
       */
      endsAt: string;
      /**
       * @description Seat type -> price in cents
       * @example {
       *       "STANDARD": 1200,
       *       "VIP": 1800
       *     }
       */
      prices: {
        [key: string]: number;
      };
      /** @example USD */
      currency: string;
      /** @example 42 */
      seatsAvailable: number;
      /** @example 50 */
      capacity: number;
      /**
       * @example SCHEDULED
       * @enum {string}
       */
      status: 'SCHEDULED' | 'CANCELLED';
      /**
       * Format: date-time
       * @description When holds open; absent: on sale as soon as listed
       * @example 2030-01-24T10:00:00.000Z
       */
      onSaleAt?: string;
      /**
       * @description Customers the waiting room admits per minute; absent: no waiting room
       * @example 600
       */
      admissionsPerMinute?: number;
      /**
       * Format: date-time
       * @description Present once cancelled
       */
      cancelledAt?: string;
    };
    ShowtimeListDto: {
      items: components['schemas']['ShowtimeDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      limit: number;
      /**
       * @description All items on every page
       * @example 1
       */
      total: number;
    };
    CreateMovieDto: {
      title: string;
      description?: string;
      /** @example 120 */
      durationMinutes: number;
      genres?: string[];
      /** @example PG-13 */
      rating?: string;
      posterUrl?: string;
      /** @example 2030-01-31 */
      releaseDate?: string;
    };
    UpdateMovieDto: {
      title?: string;
      description?: string;
      /** @example 120 */
      durationMinutes?: number;
      genres?: string[];
      /** @example PG-13 */
      rating?: string;
      posterUrl?: string;
      /** @example 2030-01-31 */
      releaseDate?: string;
    };
    CreateShowtimeDto: {
      movieId: string;
      roomId: string;
      /** @example 2030-01-31T19:30:00Z */
      startsAt: string;
      /**
       * @example {
       *       "STANDARD": 1200,
       *       "VIP": 1800
       *     }
       */
      prices: Record<string, never>;
      /** @example USD */
      currency: string;
      /**
       * @description When holds open (before startsAt); absent: on sale at once
       * @example 2030-01-24T10:00:00Z
       */
      onSaleAt?: string;
      /**
       * @description Customers admitted per minute through a waiting room; absent: no waiting room
       * @example 600
       */
      admissionsPerMinute?: number;
    };
    RoomDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      theaterId: string;
      /** @example Room 1 */
      name: string;
      /**
       * @description Seats for sale
       * @example 50
       */
      capacity: number;
      /**
       * Format: date-time
       * @description When it was retired (DELETE); absent while it is in use. A retired one is left out of listings
       */
      retiredAt?: string;
    };
    TheaterDto: {
      /** Format: uuid */
      id: string;
      /** @example Odeon */
      name: string;
      /** @example 1 Main Street */
      address: string;
      /** @example Springfield */
      city: string;
      /** @description Its rooms that are not retired */
      rooms: components['schemas']['RoomDto'][];
      /**
       * Format: date-time
       * @description When it was retired (DELETE); absent while it is in use. A retired one is left out of listings
       */
      retiredAt?: string;
    };
    TheaterListDto: {
      items: components['schemas']['TheaterDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      limit: number;
      /**
       * @description All items on every page
       * @example 1
       */
      total: number;
    };
    CreateTheaterDto: {
      name: string;
      address?: string;
      city?: string;
    };
    LayoutRowDto: {
      /** @example A */
      label: string;
      /**
       * @description S standard, V VIP, C couple, A accessible, P companion (of the accessible seat next to it), X blocked, . gap
       * @example SSSS..VVVV
       */
      pattern: string;
    };
    CreateRoomDto: {
      name: string;
      rows: components['schemas']['LayoutRowDto'][];
    };
    LayoutSeatDto: {
      /** Format: uuid */
      id: string;
      /** @example A1 */
      label: string;
      /**
       * @description Within the row, gaps skipped
       * @example 1
       */
      number: number;
      /**
       * @example STANDARD
       * @enum {string}
       */
      type: 'STANDARD' | 'VIP' | 'COUPLE' | 'ACCESSIBLE' | 'COMPANION';
      /** @example 0 */
      x: number;
      /** @example 0 */
      y: number;
      /**
       * @description A seat not for sale; absent otherwise
       * @enum {boolean}
       */
      blocked?: true;
      /**
       * Format: uuid
       * @description A COMPANION seat: the ACCESSIBLE seat it belongs to; absent otherwise
       */
      companionOf?: string;
    };
    LayoutSeatRowDto: {
      /** @example A */
      label: string;
      seats: components['schemas']['LayoutSeatDto'][];
    };
    RoomLayoutDto: {
      /** Format: uuid */
      roomId: string;
      rows: components['schemas']['LayoutSeatRowDto'][];
    };
    RoomWithLayoutDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      theaterId: string;
      /** @example Room 1 */
      name: string;
      /**
       * @description Seats for sale
       * @example 50
       */
      capacity: number;
      /**
       * Format: date-time
       * @description When it was retired (DELETE); absent while it is in use. A retired one is left out of listings
       */
      retiredAt?: string;
      layout: components['schemas']['RoomLayoutDto'];
    };
    UpdateShowtimeDto: {
      /** @example 2030-01-31T19:30:00Z */
      startsAt?: string;
      /**
       * @example {
       *       "STANDARD": 1200,
       *       "VIP": 1800
       *     }
       */
      prices?: Record<string, never>;
      /** @example USD */
      currency?: string;
      /**
       * @description When holds open (before startsAt); absent: on sale at once
       * @example 2030-01-24T10:00:00Z
       */
      onSaleAt?: string;
      /**
       * @description Customers admitted per minute through a waiting room; absent: no waiting room
       * @example 600
       */
      admissionsPerMinute?: number;
    };
    UpdateTheaterDto: {
      name?: string;
      address?: string;
      city?: string;
    };
    UpdateRoomDto: {
      name?: string;
      rows?: components['schemas']['LayoutRowDto'][];
    };
    SeatStatusSeatDto: {
      /** Format: uuid */
      seatId: string;
      /** @example A1 */
      label: string;
      /**
       * @example STANDARD
       * @enum {string}
       */
      type: 'STANDARD' | 'VIP' | 'COUPLE' | 'ACCESSIBLE' | 'COMPANION';
      /**
       * @example AVAILABLE
       * @enum {string}
       */
      status: 'AVAILABLE' | 'HELD' | 'BOOKED' | 'BLOCKED';
      /**
       * @description Cents
       * @example 1200
       */
      price: number;
      /**
       * @description Only with the caller's token, on the caller's own seats
       * @enum {boolean}
       */
      heldByMe?: true;
      /**
       * Format: uuid
       * @description A COMPANION seat: the ACCESSIBLE seat it belongs to; absent otherwise
       */
      companionOf?: string;
    };
    SeatStatusDto: {
      /** Format: uuid */
      showtimeId: string;
      /**
       * @description Grows by one per change batch
       * @example 7
       */
      version: number;
      /** @example USD */
      currency: string;
      seats: components['schemas']['SeatStatusSeatDto'][];
    };
    HoldSeatsDto: {
      /** Format: uuid */
      showtimeId: string;
      /** @description At most MAX_SEATS_PER_HOLD seats; or give quantity instead. */
      seatIds?: string[];
      /** @description Best-available seats; at most MAX_SEATS_PER_HOLD. */
      quantity?: number;
      /**
       * @description With quantity only.
       * @enum {string}
       */
      seatType?: 'STANDARD' | 'VIP' | 'COUPLE' | 'ACCESSIBLE' | 'COMPANION';
    };
    HoldDto: {
      /**
       * @description Opaque; pass it back as it is (today `<showtimeId>.<uuid>`)
       * @example b244f411-211f-4654-8a35-3dba7af41f99.76b21e37-eb96-481f-9ce6-a8811659caee
       */
      holdId: string;
      /** Format: uuid */
      showtimeId: string;
      seatIds: string[];
      /**
       * Format: date-time
       * @description Then the seats are AVAILABLE again
       */
      expiresAt: string;
    };
    HoldIdDto: {
      holdId: string;
    };
    ReleasedDto: {
      /**
       * @description Opaque; pass it back as it is (today `<showtimeId>.<uuid>`)
       * @example b244f411-211f-4654-8a35-3dba7af41f99.76b21e37-eb96-481f-9ce6-a8811659caee
       */
      holdId: string;
      /** @description The seats released (none for another user’s hold) */
      released: string[];
    };
    BookingSeatDto: {
      /** Format: uuid */
      seatId: string;
      /** @example A1 */
      label: string;
      /**
       * @example STANDARD
       * @enum {string}
       */
      type: 'STANDARD' | 'VIP' | 'COUPLE' | 'ACCESSIBLE' | 'COMPANION';
      /**
       * @description Cents
       * @example 1200
       */
      price: number;
    };
    BookingPaymentDto: {
      /** @example c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d */
      id: string;
      /**
       * @example SUCCEEDED
       * @enum {string}
       */
      status: 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
      /**
       * @description With status FAILED
       * @example card_declined
       */
      failureCode?: string;
    };
    BookingDto: {
      /**
       * Format: uuid
       * @example 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b
       */
      id: string;
      /** Format: uuid */
      userId: string;
      /** Format: uuid */
      showtimeId: string;
      seats: components['schemas']['BookingSeatDto'][];
      /**
       * @description Cents, the sum of the seat prices
       * @example 2400
       */
      totalAmount: number;
      /** @example USD */
      currency: string;
      /**
       * @example PENDING
       * @enum {string}
       */
      status: 'PENDING' | 'CONFIRMED' | 'EXPIRED' | 'CANCELLED' | 'FAILED';
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description A PENDING booking is payable until then
       */
      expiresAt: string;
      /** Format: date-time */
      confirmedAt?: string;
      /**
       * Format: date-time
       * @description When it became EXPIRED, CANCELLED or FAILED
       */
      endedAt?: string;
      /** @description The latest payment attempt */
      payment?: components['schemas']['BookingPaymentDto'];
      /**
       * @description Once CONFIRMED
       * @example TKT-7Q2K9M
       */
      ticketCode?: string;
      /** @example The Long Rehearsal */
      movieTitle?: string;
      /** @example Odeon */
      theaterName?: string;
      /** @example Room 1 */
      roomName?: string;
      /** Format: date-time */
      startsAt?: string;
    };
    BlockedSeatsBody: {
      /** @description Every seat blocked for this showtime from now on; an empty list lifts every block */
      seatIds: string[];
      /** @example Camera position */
      reason?: string;
    };
    BlockedSeatsDto: {
      /** Format: uuid */
      showtimeId: string;
      /** @description In the room's order (front row first) */
      seatIds: string[];
      /**
       * @description Absent when none was given
       * @example Camera position
       */
      reason?: string;
    };
    BookingListDto: {
      items: components['schemas']['BookingDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      limit: number;
      /**
       * @description All items on every page
       * @example 1
       */
      total: number;
    };
    CardDto: {
      /** @example 4242424242424242 */
      number: string;
      /** @example 12 */
      expMonth: number;
      /** @example 2030 */
      expYear: number;
      /** @example 123 */
      cvc: string;
    };
    PayDto: {
      bookingId: string;
      card: components['schemas']['CardDto'];
    };
    PaymentAcceptedDto: {
      /** @example c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d */
      paymentId: string;
      /** Format: uuid */
      bookingId: string;
      /**
       * @description PROCESSING: the outcome follows (GET /bookings/{id}?wait=10); FAILED: the processor declined at once
       * @enum {string}
       */
      status: 'PROCESSING' | 'FAILED';
      /**
       * @description Only with status FAILED: why the processor declined
       * @example card_declined
       */
      failureCode?: string;
    };
    WebhookDataDto: {
      /** @example c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d */
      paymentId: string;
      /** @example 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b */
      bookingId: string;
      /**
       * @description Cents
       * @example 2400
       */
      amount?: number;
      /** @example USD */
      currency?: string;
      /**
       * @description payment.failed
       * @example card_declined
       */
      failureCode?: string;
      /** @description refund.succeeded */
      refundId?: string;
    };
    WebhookDto: {
      /** @description The event id: the same id delivered twice has one effect */
      id: string;
      /**
       * @description payment.succeeded, payment.failed or refund.succeeded; another type is acknowledged and ignored
       * @example payment.succeeded
       */
      type: string;
      /** Format: date-time */
      createdAt: string;
      data: components['schemas']['WebhookDataDto'];
    };
    WebhookReceivedDto: {
      /** @enum {boolean} */
      received: true;
    };
    TicketDto: {
      /** Format: uuid */
      bookingId: string;
      /**
       * @description The short human code, for the box office
       * @example K7M2Q9XA
       */
      ticketCode: string;
      /**
       * @description base64url(payload JSON).base64url(Ed25519 signature): what the QR code holds; verify it with GET /tickets/keys
       * @example eyJ2IjoxLCJrIjoiYUJjRGVGZ0giLCJiIjoiLi4uIn0.c2lnbmF0dXJl
       */
      ticket: string;
      /**
       * @description The QR code of `ticket`, an SVG document
       * @example <svg xmlns="http://www.w3.org/2000/svg" ...
       */
      qrSvg: string;
    };
    TicketKeyDto: {
      /**
       * @description Key id: the `k` of a ticket payload
       * @example aBcDeFgH
       */
      kid: string;
      /** @enum {string} */
      alg: 'Ed25519';
      /** @description The raw 32-byte public key, base64url */
      publicKey: string;
      /** @description The same key as an SPKI PEM */
      pem: string;
    };
    TicketKeysDto: {
      keys: components['schemas']['TicketKeyDto'][];
    };
    CheckInDto: {
      /** @description The ticket as read from its QR code */
      ticket: string;
      /**
       * Format: uuid
       * @description The showtime being admitted: a ticket for another one is 409 WRONG_SHOWTIME
       */
      showtimeId?: string;
      /**
       * @description Where the scan happens
       * @example Door 2
       */
      gate?: string;
    };
    CheckInShowtimeDto: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      startsAt: string;
      /** @example Dune: Part Two */
      movieTitle: string;
      /** @example Cinema Central */
      theaterName: string;
      /** @example Room 1 */
      roomName: string;
    };
    CheckInSeatDto: {
      /** Format: uuid */
      seatId: string;
      /** @example A1 */
      label: string;
      /**
       * @example STANDARD
       * @enum {string}
       */
      type: 'STANDARD' | 'VIP' | 'COUPLE' | 'ACCESSIBLE' | 'COMPANION';
    };
    CheckInResultDto: {
      /** Format: uuid */
      bookingId: string;
      /** @example K7M2Q9XA */
      ticketCode: string;
      showtime: components['schemas']['CheckInShowtimeDto'];
      seats: components['schemas']['CheckInSeatDto'][];
      /** Format: date-time */
      checkedInAt: string;
      /**
       * Format: uuid
       * @description The usher or admin who scanned it
       */
      checkedInBy: string;
      /** @example Door 2 */
      gate?: string;
    };
    SetRoleDto: {
      /**
       * @example usher
       * @enum {string}
       */
      role: 'customer' | 'usher' | 'admin';
    };
    AdmissionDto: {
      /** @description Send it with holds for this showtime as header X-Admission-Token */
      token: string;
      /** Format: date-time */
      expiresAt: string;
    };
    WaitingRoomDto: {
      /** Format: uuid */
      showtimeId: string;
      /**
       * @description NOT_REQUIRED: no waiting room, hold directly. NOT_JOINED: not in the room (POST joins). BEFORE_SALE: joined before onSaleAt; at onSaleAt every early arrival gets a random place. WAITING: in the queue. ADMITTED: `admission` lets the customer hold. EXPIRED: the place was lost (no sign of life when it came up) or the admission ran out; POST joins again at the end.
       * @example WAITING
       * @enum {string}
       */
      state: 'NOT_REQUIRED' | 'NOT_JOINED' | 'BEFORE_SALE' | 'WAITING' | 'ADMITTED' | 'EXPIRED';
      /**
       * @description WAITING only; 1 is next
       * @example 42
       */
      position?: number;
      /**
       * @description WAITING only
       * @example 84
       */
      estimatedWaitSeconds?: number;
      /**
       * Format: date-time
       * @description When the sale opens, if it has such a time
       */
      onSaleAt?: string;
      /** @example 60 */
      admissionsPerMinute?: number;
      /** @description ADMITTED only */
      admission?: components['schemas']['AdmissionDto'];
      /** @description Opens GET /showtimes/:id/waiting-room/stream?ticket=... (an EventSource cannot send a bearer token); short-lived, for this customer and showtime only, good for nothing else */
      streamTicket?: string;
    };
    AdminRefundDto: {
      /** Format: uuid */
      id: string;
      /** @example c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d */
      paymentId: string;
      /**
       * @description FULL: all that remained; the booking was cancelled with it
       * @enum {string}
       */
      kind: 'PARTIAL' | 'FULL';
      /**
       * @description Cents
       * @example 500
       */
      amount: number;
      /** @example Sound failed during the film */
      reason: string;
      /**
       * @description SUCCEEDED once the processor confirmed it
       * @enum {string}
       */
      status: 'REQUESTED' | 'SUCCEEDED';
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description The administrator who asked for it
       */
      requestedBy?: string;
    };
    AdminBookingDto: {
      /**
       * Format: uuid
       * @example 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b
       */
      id: string;
      /** Format: uuid */
      userId: string;
      /** Format: uuid */
      showtimeId: string;
      seats: components['schemas']['BookingSeatDto'][];
      /**
       * @description Cents, the sum of the seat prices
       * @example 2400
       */
      totalAmount: number;
      /** @example USD */
      currency: string;
      /**
       * @example PENDING
       * @enum {string}
       */
      status: 'PENDING' | 'CONFIRMED' | 'EXPIRED' | 'CANCELLED' | 'FAILED';
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description A PENDING booking is payable until then
       */
      expiresAt: string;
      /** Format: date-time */
      confirmedAt?: string;
      /**
       * Format: date-time
       * @description When it became EXPIRED, CANCELLED or FAILED
       */
      endedAt?: string;
      /** @description The latest payment attempt */
      payment?: components['schemas']['BookingPaymentDto'];
      /**
       * @description Once CONFIRMED
       * @example TKT-7Q2K9M
       */
      ticketCode?: string;
      /** @example The Long Rehearsal */
      movieTitle?: string;
      /** @example Odeon */
      theaterName?: string;
      /** @example Room 1 */
      roomName?: string;
      /** Format: date-time */
      startsAt?: string;
      /** @example ada@example.com */
      userEmail?: string;
      /**
       * @description Cents refunded or being refunded to the customer for this booking
       * @example 0
       */
      refundedAmount: number;
      /** @description Refunds an administrator asked for */
      refunds: components['schemas']['AdminRefundDto'][];
    };
    AdminBookingListDto: {
      items: components['schemas']['AdminBookingDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      limit: number;
      /**
       * @description All items on every page
       * @example 1
       */
      total: number;
    };
    AdminPaymentDto: {
      /** @example c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d */
      paymentId: string;
      /** Format: uuid */
      bookingId: string;
      /** Format: uuid */
      showtimeId: string;
      /** Format: uuid */
      userId: string;
      /** @example ada@example.com */
      userEmail?: string;
      /**
       * @example SUCCEEDED
       * @enum {string}
       */
      status: 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
      /** @example card_declined */
      failureCode?: string;
      /**
       * @description Cents, the booking's price
       * @example 2400
       */
      amount: number;
      /** @example USD */
      currency: string;
      /** @description This payment confirmed its booking */
      confirmedBooking: boolean;
      /** @description Refunds an administrator asked for */
      refunds: components['schemas']['AdminRefundDto'][];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    AdminPaymentListDto: {
      items: components['schemas']['AdminPaymentDto'][];
      /** @example 1 */
      page: number;
      /** @example 20 */
      limit: number;
      /**
       * @description All items on every page
       * @example 1
       */
      total: number;
    };
    RefundBookingDto: {
      /**
       * @description Cents; omitted: all that remains (the booking is then cancelled and its seats freed)
       * @example 500
       */
      amount?: number;
      /** @example Sound failed during the film */
      reason: string;
    };
    RefundAcceptedDto: {
      /** @description CANCELLED after a FULL refund, CONFIRMED otherwise */
      booking: components['schemas']['AdminBookingDto'];
      refund: components['schemas']['AdminRefundDto'];
      /**
       * @description Cents that can still be refunded
       * @example 1900
       */
      refundableAmount: number;
    };
    ReportRowDto: {
      /** @enum {string} */
      level: 'showtime' | 'movie' | 'day';
      /**
       * @description UTC day (showtime and day rows)
       * @example 2030-01-31
       */
      date?: string;
      /** Format: uuid */
      movieId?: string;
      /** @example The Long Rehearsal */
      movieTitle?: string;
      /** Format: uuid */
      showtimeId?: string;
      /** Format: date-time */
      startsAt?: string;
      /** Format: uuid */
      roomId?: string;
      /**
       * @description The showtime's status
       * @example SCHEDULED
       */
      status?: string;
      /**
       * @description Rows never mix currencies
       * @example USD
       */
      currency: string;
      /**
       * @description Showtimes counted in this row
       * @example 1
       */
      showtimes: number;
      /**
       * @description Seats (cancelled showtimes count 0 in sums)
       * @example 120
       */
      capacity: number;
      /**
       * @description Seats of CONFIRMED bookings
       * @example 42
       */
      sold: number;
      /**
       * @description Seats held now, or in a booking awaiting payment
       * @example 4
       */
      held: number;
      /**
       * @description Seats not for sale
       * @example 2
       */
      blocked: number;
      /** @example 72 */
      available: number;
      /**
       * @description Seats of confirmed bookings later cancelled and refunded
       * @example 2
       */
      refundedSeats: number;
      /**
       * @description Cents paid for confirmed bookings
       * @example 52800
       */
      grossAmount: number;
      /**
       * @description Cents refunded or being refunded
       * @example 2400
       */
      refundedAmount: number;
      /**
       * @description grossAmount - refundedAmount
       * @example 50400
       */
      netRevenue: number;
      /**
       * @description sold / capacity
       * @example 0.35
       */
      occupancy: number;
    };
    ReportDto: {
      /**
       * @description First UTC day
       * @example 2030-01-01
       */
      from: string;
      /**
       * @description Last UTC day, included
       * @example 2030-01-31
       */
      to: string;
      /** Format: date-time */
      generatedAt: string;
      /** @description One row per showtime, by start */
      showtimes: components['schemas']['ReportRowDto'][];
      /** @description One row per movie and currency, by title */
      movies: components['schemas']['ReportRowDto'][];
      /** @description One row per UTC day and currency */
      days: components['schemas']['ReportRowDto'][];
    };
    /**
     * @example {
     *       "status": "ok",
     *       "checks": {
     *         "redis": {
     *           "status": "up"
     *         },
     *         "booking-service": {
     *           "status": "up"
     *         }
     *       }
     *     }
     */
    HealthReport: {
      /** @enum {string} */
      status: 'ok' | 'error';
      /** @description One entry per dependency: redis, rabbitmq, each gRPC service, payment-service */
      checks: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'down';
          /** @description Why the check failed */
          error?: string;
        };
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuthController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterDto'];
      };
    };
    responses: {
      /** @description Signed up and signed in, role customer */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description EMAIL_TAKEN */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'EMAIL_TAKEN';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description RATE_LIMITED */
      429: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After': number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 429;
            /** @enum {string} */
            error?: 'Too Many Requests';
            /** @enum {string} */
            code?: 'RATE_LIMITED';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description INVALID_CREDENTIALS */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'INVALID_CREDENTIALS';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description RATE_LIMITED */
      429: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After': number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 429;
            /** @enum {string} */
            error?: 'Too Many Requests';
            /** @enum {string} */
            code?: 'RATE_LIMITED';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AuthController_validate: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ValidateTokenDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenValidDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description INVALID_TOKEN */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'INVALID_TOKEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      /** @description A new session; the old refresh token is spent */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description INVALID_TOKEN */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'INVALID_TOKEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description RATE_LIMITED */
      429: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After': number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 429;
            /** @enum {string} */
            error?: 'Too Many Requests';
            /** @enum {string} */
            code?: 'RATE_LIMITED';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogoutDto'];
      };
    };
    responses: {
      /** @description The refresh token's family is revoked (if it is the caller's) */
      204: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  MoviesController_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Search in titles */
        q?: string;
        genre?: string;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MovieListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  MoviesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateMovieDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MovieDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  MoviesController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MovieDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  CatalogAdminController_retireMovie: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Retired (again: still 204); kept for history, gone from listings */
      204: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description RESOURCE_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'RESOURCE_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  MoviesController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMovieDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MovieDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  MoviesController_showtimes: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description ISO time; defaults to now (upcoming showtimes) */
        from?: string;
        to?: string;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShowtimeListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  ShowtimesController_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        movieId?: string;
        theaterId?: string;
        date?: string;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShowtimeListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  ShowtimesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateShowtimeDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShowtimeDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SHOWTIME_OVERLAP, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'SHOWTIME_OVERLAP' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  ShowtimesController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShowtimeDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  CatalogAdminController_updateShowtime: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateShowtimeDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShowtimeDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SHOWTIME_OVERLAP, SHOWTIME_HAS_SALES, SHOWTIME_CANCELLED, CONFLICT */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'SHOWTIME_OVERLAP' | 'SHOWTIME_HAS_SALES' | 'SHOWTIME_CANCELLED' | 'CONFLICT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TheatersController_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TheaterListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TheatersController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTheaterDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TheaterDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description CONFLICT, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'CONFLICT' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TheatersController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TheaterDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  CatalogAdminController_retireTheater: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Retired with its rooms (again: still 204); kept for history, gone from listings */
      204: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description RESOURCE_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'RESOURCE_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  CatalogAdminController_updateTheater: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTheaterDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TheaterDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TheatersController_createRoom: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRoomDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomWithLayoutDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description CONFLICT, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'CONFLICT' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  CatalogAdminController_retireRoom: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Retired (again: still 204); kept for history, gone from listings */
      204: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description RESOURCE_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'RESOURCE_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  CatalogAdminController_updateRoom: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRoomDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomWithLayoutDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description CONFLICT, LAYOUT_LOCKED */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'CONFLICT' | 'LAYOUT_LOCKED';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  SeatsController_layout: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        roomId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomLayoutDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  SeatsController_status: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        showtimeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeatStatusDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  SeatsController_hold: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description The waiting-room admission */
        'X-Admission-Token'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HoldSeatsDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HoldDto'];
        };
      };
      /** @description VALIDATION_FAILED, SHOWTIME_STARTED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED' | 'SHOWTIME_STARTED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_ADMITTED */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'NOT_ADMITTED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SEATS_UNAVAILABLE, COMPANION_SEAT_ALONE, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE, NOT_ON_SALE, SHOWTIME_CANCELLED */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?:
              | 'SEATS_UNAVAILABLE'
              | 'COMPANION_SEAT_ALONE'
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'IDEMPOTENCY_KEY_IN_USE'
              | 'NOT_ON_SALE'
              | 'SHOWTIME_CANCELLED';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description RATE_LIMITED */
      429: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After': number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 429;
            /** @enum {string} */
            error?: 'Too Many Requests';
            /** @enum {string} */
            code?: 'RATE_LIMITED';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  SeatsController_release: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HoldIdDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleasedDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  SeatsController_book: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HoldIdDto'];
      };
    };
    responses: {
      /** @description The booking, PENDING */
      201: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description HOLD_EXPIRED, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE, SHOWTIME_CANCELLED */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?:
              'HOLD_EXPIRED' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE' | 'SHOWTIME_CANCELLED';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description RATE_LIMITED */
      429: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After': number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 429;
            /** @enum {string} */
            error?: 'Too Many Requests';
            /** @enum {string} */
            code?: 'RATE_LIMITED';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  SeatsController_stream: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        showtimeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A snapshot event, then a seats event per change, and a `: ping` comment at least every 15 s */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example event: snapshot
           *     data: {"showtimeId":"5a9e1c2d-3b4f-4a6e-8d7c-9b0a1f2e3d4c","version":7,"currency":"USD","seats":[…]}
           *
           *     event: seats
           *     data: {"showtimeId":"5a9e1c2d-3b4f-4a6e-8d7c-9b0a1f2e3d4c","version":8,"changes":[{"seatId":"…","status":"HELD"}]}
           *
           *     : ping
           */
          'text/event-stream': string;
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  BlockedSeatsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlockedSeatsDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  BlockedSeatsController_replace: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlockedSeatsBody'];
      };
    };
    responses: {
      /** @description The showtime’s blocked seats, now */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlockedSeatsDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SEATS_UNAVAILABLE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'SEATS_UNAVAILABLE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  BookingsController_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's bookings, newest first */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  BookingsController_get: {
    parameters: {
      query?: {
        /** @description Seconds to wait while a payment is in flight (booking PENDING, payment PROCESSING): the answer comes as soon as it settles, or after this many seconds with the booking as it is. */
        wait?: number;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  BookingsController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The booking, CANCELLED */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description BOOKING_NOT_CANCELLABLE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'BOOKING_NOT_CANCELLABLE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  PaymentsController_pay: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PayDto'];
      };
    };
    responses: {
      /** @description Accepted; the outcome comes later */
      202: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentAcceptedDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description BOOKING_NOT_PAYABLE, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'BOOKING_NOT_PAYABLE' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  PaymentsController_callback: {
    parameters: {
      query?: never;
      header: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description t=<unix seconds>,v1=<hex HMAC-SHA256(PAYMENT_WEBHOOK_SECRET, "<t>.<raw body>")> (docs/api.md#webhooks) */
        'X-Payment-Signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookDto'];
      };
    };
    responses: {
      /** @description Stored (or a well-formed event of another type, ignored) */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookReceivedDto'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_SIGNATURE */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED' | 'INVALID_SIGNATURE';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TicketsController_ticket: {
    parameters: {
      query?: {
        /** @description `png`: the QR code image itself (image/png) instead of the JSON */
        format?: 'json' | 'png';
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /**
       * @description OK
       *
       *     The ticket and its QR code as SVG; with `?format=png` the QR code image itself
       */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDto'];
          'image/png': string;
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description TICKET_NOT_VALID */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'TICKET_NOT_VALID';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TicketsController_keys: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The public keys tickets are signed with (Ed25519) */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketKeysDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  TicketsController_checkIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckInDto'];
      };
    };
    responses: {
      /** @description Admitted: the showtime and the seats of the ticket */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckInResultDto'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_TICKET */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED' | 'INVALID_TICKET';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description ALREADY_CHECKED_IN, TICKET_NOT_VALID, WRONG_SHOWTIME */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'ALREADY_CHECKED_IN' | 'TICKET_NOT_VALID' | 'WRONG_SHOWTIME';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  UsersController_setRole: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetRoleDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description CONFLICT */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'CONFLICT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  WaitingRoomController_status: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitingRoomDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SHOWTIME_CANCELLED */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'SHOWTIME_CANCELLED';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  WaitingRoomController_join: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitingRoomDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SHOWTIME_CANCELLED */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'SHOWTIME_CANCELLED';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  WaitingRoomController_stream: {
    parameters: {
      query?: {
        /** @description streamTicket from GET/POST waiting-room */
        ticket?: unknown;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A waiting-room event now and on every change */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example event: waiting-room
           *     data: {"showtimeId":"6f1c2a52-3c8e-4a5e-9a53-3f1b1f2f5e11","state":"WAITING","position":42,"estimatedWaitSeconds":84}
           *
           *     : ping
           */
          'text/event-stream': string;
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description SHOWTIME_CANCELLED */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'SHOWTIME_CANCELLED';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AdminController_showtimeBookings: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The showtime's bookings, newest first */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminBookingListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AdminController_payments: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Only payments of bookings of this showtime */
        showtimeId?: string;
        status?: 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
      };
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Payment attempts and their refunds, newest first */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminPaymentListDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  AdminController_refund: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
        /** @description Replays the first response */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefundBookingDto'];
      };
    };
    responses: {
      /** @description The refund is under way */
      202: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description `true` when this is the replay of the first answer to the same Idempotency-Key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RefundAcceptedDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description BOOKING_NOT_REFUNDABLE, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE */
      409: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 409;
            /** @enum {string} */
            error?: 'Conflict';
            /** @enum {string} */
            code?: 'BOOKING_NOT_REFUNDABLE' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_USE';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  ReportsController_showtime: {
    parameters: {
      query?: never;
      header?: {
        /** @description `text/csv` for CSV (RFC 4180, a header row), JSON otherwise */
        Accept?: string;
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report */
      200: {
        headers: {
          /** @description The request id */
          'X-Request-Id'?: string;
          /** @description With text/csv: `attachment; filename=...` */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportDto'];
          /**
           * @example level,date,movieId,movieTitle,showtimeId,startsAt,roomId,status,currency,showtimes,capacity,sold,held,blocked,available,refundedSeats,grossAmount,refundedAmount,netRevenue,occupancy
           *     showtime,2030-01-31,...
           */
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  ReportsController_daily: {
    parameters: {
      query: {
        /** @description First UTC day, YYYY-MM-DD */
        from: string;
        /** @description Last UTC day, included; at most 92 days after from */
        to: string;
      };
      header?: {
        /** @description `text/csv` for CSV (RFC 4180, a header row), JSON otherwise */
        Accept?: string;
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report */
      200: {
        headers: {
          /** @description The request id */
          'X-Request-Id'?: string;
          /** @description With text/csv: `attachment; filename=...` */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportDto'];
          /**
           * @example level,date,movieId,movieTitle,showtimeId,startsAt,roomId,status,currency,showtimes,capacity,sold,held,blocked,available,refundedSeats,grossAmount,refundedAmount,netRevenue,occupancy
           *     showtime,2030-01-31,...
           */
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  ShowtimeCancellationController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system */
        'X-Request-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShowtimeDto'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description UNAUTHENTICATED */
      401: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 401;
            /** @enum {string} */
            error?: 'Unauthorized';
            /** @enum {string} */
            code?: 'UNAUTHENTICATED';
          };
        };
      };
      /** @description FORBIDDEN */
      403: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 403;
            /** @enum {string} */
            error?: 'Forbidden';
            /** @enum {string} */
            code?: 'FORBIDDEN';
          };
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 404;
            /** @enum {string} */
            error?: 'Not Found';
            /** @enum {string} */
            code?: 'NOT_FOUND';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description UNAVAILABLE */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 503;
            /** @enum {string} */
            error?: 'Service Unavailable';
            /** @enum {string} */
            code?: 'UNAVAILABLE';
          };
        };
      };
    };
  };
  HealthController_health: {
    parameters: {
      query?: never;
      header?: {
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every dependency is up */
      200: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReport'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 400;
            /** @enum {string} */
            error?: 'Bad Request';
            /** @enum {string} */
            code?: 'VALIDATION_FAILED';
          };
        };
      };
      /** @description REQUEST_TIMEOUT */
      408: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 408;
            /** @enum {string} */
            error?: 'Request Timeout';
            /** @enum {string} */
            code?: 'REQUEST_TIMEOUT';
          };
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 413;
            /** @enum {string} */
            error?: 'Payload Too Large';
            /** @enum {string} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /** @description HEADERS_TOO_LARGE */
      431: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 431;
            /** @enum {string} */
            error?: 'Request Header Fields Too Large';
            /** @enum {string} */
            code?: 'HEADERS_TOO_LARGE';
          };
        };
      };
      /** @description INTERNAL */
      500: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBodyDto'] & {
            /** @enum {integer} */
            statusCode?: 500;
            /** @enum {string} */
            error?: 'Internal Server Error';
            /** @enum {string} */
            code?: 'INTERNAL';
          };
        };
      };
      /** @description A dependency is down: status error, and that check with its error */
      503: {
        headers: {
          /** @description The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID */
          'X-Request-Id'?: string;
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReport'];
        };
      };
    };
  };
}
