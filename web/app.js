// The live seat map: plain browser JavaScript against the public API (docs/api.md), no build step.
'use strict';

const $ = (id) => document.getElementById(id);
const state = {
  token: localStorage.getItem('cinema.token'),
  user: JSON.parse(localStorage.getItem('cinema.user') || 'null'),
  showtime: null,
  seats: new Map(), // seatId -> {label, type, status, price, x, y}
  version: 0,
  selected: new Set(),
  hold: null,
  booking: null,
  stream: null,
  countdown: null,
};

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const error = new Error(json.message || `HTTP ${res.status}`);
    error.code = json.code;
    error.details = json.details;
    throw error;
  }
  return json;
}

function say(message) {
  $('message').textContent = message || '';
}

function money(cents, currency) {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}

// --- account ---------------------------------------------------------------------------------------------
function showAccount() {
  const signedIn = Boolean(state.token && state.user);
  $('login-form').hidden = signedIn;
  $('whoami').hidden = !signedIn;
  if (signedIn) {
    $('whoami').innerHTML = '';
    $('whoami').append(`${state.user.name} (${state.user.email}) `);
    const out = document.createElement('button');
    out.textContent = 'Log out';
    out.onclick = () => {
      localStorage.removeItem('cinema.token');
      localStorage.removeItem('cinema.user');
      state.token = null;
      state.user = null;
      showAccount();
    };
    $('whoami').append(out);
  }
  updateBasket();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const mode = event.submitter?.dataset.mode ?? 'login';
  const email = $('email').value.trim();
  const password = $('password').value;
  try {
    const body = mode === 'register' ? { email, password, name: email.split('@')[0] } : { email, password };
    const session = await api('POST', `/auth/${mode}`, body);
    state.token = session.accessToken;
    state.user = session.user;
    localStorage.setItem('cinema.token', session.accessToken);
    localStorage.setItem('cinema.user', JSON.stringify(session.user));
    say('');
    showAccount();
    if (state.showtime) await loadStatus();
  } catch (error) {
    say(
      error.details?.fields
        ? error.details.fields.map((f) => `${f.field} ${f.message}`).join('; ')
        : error.message,
    );
  }
});

// --- catalogue -------------------------------------------------------------------------------------------
async function loadMovies() {
  const movies = await api('GET', '/movies?limit=100');
  $('movie').innerHTML = '';
  for (const m of movies.items) $('movie').append(new Option(`${m.title} (${m.durationMinutes} min)`, m.id));
  await loadShowtimes();
}

async function loadShowtimes() {
  const list = await api('GET', `/movies/${$('movie').value}/showtimes`);
  $('showtime').innerHTML = '';
  for (const s of list.items) {
    const when = new Date(s.startsAt).toLocaleString(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    const option = new Option(`${when} · ${s.seatsAvailable} free`, s.id);
    option.dataset.roomId = s.roomId;
    $('showtime').append(option);
  }
  await openShowtime();
}

$('movie').addEventListener('change', () => loadShowtimes().catch((e) => say(e.message)));
$('showtime').addEventListener('change', () => openShowtime().catch((e) => say(e.message)));

// --- seat map --------------------------------------------------------------------------------------------
async function openShowtime() {
  const option = $('showtime').selectedOptions[0];
  state.stream?.close();
  state.seats.clear();
  state.selected.clear();
  state.showtime = option ? option.value : null;
  if (!option) return renderMap();
  const layout = await api('GET', `/seats/layout/${option.dataset.roomId}`);
  for (const row of layout.rows) {
    for (const seat of row.seats)
      state.seats.set(seat.id, {
        label: seat.label,
        type: seat.type,
        x: seat.x,
        y: seat.y,
        status: 'AVAILABLE',
      });
  }
  await loadStatus();
  listen();
}

async function loadStatus() {
  const status = await api('GET', `/seats/status/${state.showtime}`);
  applySnapshot(status);
}

function applySnapshot(status) {
  state.version = status.version;
  state.currency = status.currency || state.currency || 'USD';
  for (const s of status.seats) {
    const seat = state.seats.get(s.seatId);
    if (seat) Object.assign(seat, { status: s.status, price: s.price, heldByMe: Boolean(s.heldByMe) });
  }
  renderMap();
}

function listen() {
  const source = new EventSource(`/seats/stream/${state.showtime}`);
  state.stream = source;
  source.addEventListener('open', () => $('live').classList.add('on'));
  source.addEventListener('error', () => $('live').classList.remove('on'));
  source.addEventListener('snapshot', (event) => applySnapshot(JSON.parse(event.data)));
  source.addEventListener('seats', (event) => {
    const message = JSON.parse(event.data);
    if (message.version <= state.version) return;
    // A gap means we missed a batch: take a fresh snapshot rather than guess.
    if (message.version !== state.version + 1) return void loadStatus().catch(() => undefined);
    state.version = message.version;
    for (const change of message.changes) {
      const seat = state.seats.get(change.seatId);
      if (!seat) continue;
      seat.status = change.status;
      if (change.status !== 'HELD') seat.heldByMe = false;
      if (change.status !== 'AVAILABLE') state.selected.delete(change.seatId);
    }
    if (state.hold)
      for (const id of state.hold.seatIds)
        if (state.seats.get(id)?.status === 'HELD') state.seats.get(id).heldByMe = true;
    renderMap();
  });
  $('live').textContent = 'live';
}

function renderMap() {
  const map = $('map');
  map.innerHTML = '';
  let maxX = 0;
  for (const seat of state.seats.values()) maxX = Math.max(maxX, seat.x);
  map.style.gridTemplateColumns = `repeat(${maxX + 1}, 26px)`;
  for (const [id, seat] of state.seats) {
    const button = document.createElement('button');
    const mine = seat.heldByMe || (state.hold && state.hold.seatIds.includes(id) && seat.status === 'HELD');
    button.className = `seat ${seat.status} ${seat.type}${state.selected.has(id) ? ' selected' : ''}${mine ? ' mine' : ''}`;
    button.textContent = seat.label;
    button.title = `${seat.label} · ${seat.type.toLowerCase()} · ${seat.status.toLowerCase()}${seat.price ? ` · ${money(seat.price, state.currency)}` : ''}`;
    button.dataset.seatId = id;
    button.style.gridColumn = String(seat.x + 1);
    button.style.gridRow = String(seat.y + 1);
    button.disabled = seat.status !== 'AVAILABLE' || Boolean(state.hold);
    button.onclick = () => {
      if (state.selected.has(id)) state.selected.delete(id);
      else state.selected.add(id);
      renderMap();
    };
    map.append(button);
  }
  updateBasket();
}

// --- hold, book, pay -------------------------------------------------------------------------------------
function updateBasket() {
  const chosen = [...state.selected].map((id) => state.seats.get(id)).filter(Boolean);
  const total = chosen.reduce((sum, s) => sum + (s.price || 0), 0);
  $('selection').textContent = chosen.length
    ? `${chosen.map((s) => s.label).join(', ')} · ${money(total, state.currency || 'USD')}`
    : state.hold
      ? ''
      : 'Select seats on the map.';
  $('hold').disabled = !chosen.length || !state.token || Boolean(state.hold);
  $('hold').hidden = Boolean(state.hold);
  $('release').hidden = !state.hold || Boolean(state.booking);
  $('book').hidden = !state.hold || Boolean(state.booking);
  $('pay-form').hidden = !state.booking || state.booking.status !== 'PENDING';
}

$('hold').addEventListener('click', async () => {
  try {
    state.hold = await api('POST', '/seats/hold', {
      showtimeId: state.showtime,
      seatIds: [...state.selected],
    });
    state.selected.clear();
    startCountdown(state.hold.expiresAt, 'Hold');
    say('');
    renderMap();
  } catch (error) {
    const taken = (error.details?.seatIds || []).map((id) => state.seats.get(id)?.label).filter(Boolean);
    say(taken.length ? `Just taken by someone else: ${taken.join(', ')}` : error.message);
  }
});

$('release').addEventListener('click', async () => {
  try {
    await api('POST', '/seats/release', { holdId: state.hold.holdId });
  } finally {
    clearHold();
  }
});

$('book').addEventListener('click', async () => {
  try {
    state.booking = await api('POST', '/seats/book', { holdId: state.hold.holdId });
    startCountdown(
      state.booking.expiresAt,
      `Booking ${state.booking.id.slice(0, 8)} · ${money(state.booking.totalAmount, state.booking.currency)} · pay`,
    );
    updateBasket();
  } catch (error) {
    say(error.message);
    if (error.code === 'HOLD_EXPIRED') clearHold();
  }
});

$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const [month, year] = $('exp').value.split('/').map(Number);
  try {
    await api('POST', '/payment/pay', {
      bookingId: state.booking.id,
      card: {
        number: $('card').value.replace(/\s+/g, ''),
        expMonth: month,
        expYear: year < 100 ? 2000 + year : year,
        cvc: $('cvc').value,
      },
    });
    $('booking-info').textContent = 'Processing payment…';
    await followBooking();
  } catch (error) {
    say(error.message);
  }
});

async function followBooking() {
  for (let i = 0; i < 6; i++) {
    // The answer waits (up to 10 s) for the payment in flight to settle.
    const booking = await api('GET', `/bookings/${state.booking.id}?wait=10`);
    state.booking = booking;
    if (booking.status !== 'PENDING') break;
    if (booking.payment?.status === 'FAILED') {
      $('booking-info').textContent = `Payment declined (${booking.payment.failureCode}). Try another card.`;
      return updateBasket();
    }
    if (booking.payment?.status !== 'PROCESSING') await new Promise((r) => setTimeout(r, 1000));
  }
  const b = state.booking;
  $('booking-info').textContent =
    b.status === 'CONFIRMED'
      ? `Confirmed! Ticket code ${b.ticketCode} · seats ${b.seats.map((s) => s.label).join(', ')} · check your email.`
      : `Booking ${b.status.toLowerCase()}.`;
  clearInterval(state.countdown);
  $('hold-info').textContent = '';
  state.hold = null;
  state.booking = b.status === 'PENDING' ? b : null;
  updateBasket();
}

function startCountdown(expiresAt, label) {
  clearInterval(state.countdown);
  const tick = () => {
    const left = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
    $('hold-info').textContent =
      `${label} · ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
    if (left === 0 && !state.booking) clearHold();
  };
  tick();
  state.countdown = setInterval(tick, 1000);
}

function clearHold() {
  clearInterval(state.countdown);
  state.hold = null;
  state.booking = null;
  $('hold-info').textContent = '';
  loadStatus().catch(() => undefined);
}

showAccount();
loadMovies().catch((error) => say(`Could not load the catalogue: ${error.message}`));
