import { useState, type FormEvent } from 'react';
import type { Room, Theater } from '../api/types';
import { Loading, useLoad } from '../components';
import { Link } from '../router';
import { admin } from './api';
import { FormEnd, Outcome, Problem, RetireButton, useAction } from './common';

function TheaterForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: Theater;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? '');
  const [address, setAddress] = useState(editing?.address ?? '');
  const [city, setCity] = useState(editing?.city ?? '');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), address: address.trim() || undefined, city: city.trim() || undefined };
    const ok = await action.run(async () => {
      const theater = editing ? await admin.updateTheater(editing.id, body) : await admin.createTheater(body);
      return `${theater.name} ${editing ? 'saved' : 'added'}.`;
    });
    if (ok) {
      if (!editing) {
        setName('');
        setAddress('');
        setCity('');
      }
      onSaved();
    }
  };
  const prefix = editing ? `edit-${editing.id}` : 'new-theater';
  return (
    <form className="admin-form stack" onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{editing ? `Edit ${editing.name}` : 'Add a theater'}</h2>
      <div className="field-grid">
        <label>
          Theater name
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Address
          <input value={address} onChange={(e) => setAddress(e.target.value)} />
        </label>
        <label>
          City
          <input value={city} onChange={(e) => setCity(e.target.value)} />
        </label>
      </div>
      <FormEnd action={action} submit={editing ? 'Save theater' : 'Add theater'} onCancel={onCancel} />
    </form>
  );
}

function RoomItem({ room, onRetired }: { room: Room; onRetired: () => void }) {
  const retire = useAction();
  return (
    <li data-room-id={room.id}>
      <div>
        <strong>{room.name}</strong> <span className="hint">{room.capacity} seats</span>
      </div>
      <div className="actions">
        <Link className="button" href={`/manage/rooms/${room.id}/schedule`}>
          Schedule<span className="visually-hidden"> of {room.name}</span>
        </Link>
        <Link className="button" href={`/manage/rooms/${room.id}?theater=${room.theaterId}`}>
          Layout<span className="visually-hidden"> of {room.name}</span>
        </Link>
        <RetireButton
          name={room.name}
          action={retire}
          retire={() => admin.retireRoom(room.id)}
          onRetired={onRetired}
        />
      </div>
      <Outcome action={retire} />
    </li>
  );
}

function TheaterCard({ theater, reload }: { theater: Theater; reload: () => void }) {
  const [editing, setEditing] = useState(false);
  const retire = useAction();
  return (
    <section className="theater-card" aria-labelledby={`theater-${theater.id}`} data-theater-id={theater.id}>
      <h2 id={`theater-${theater.id}`}>{theater.name}</h2>
      <p className="hint">{[theater.address, theater.city].filter(Boolean).join(', ') || 'No address'}</p>
      {editing ? (
        <TheaterForm
          editing={theater}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="actions">
          <Link className="button primary" href={`/manage/theaters/${theater.id}/rooms/new`}>
            Add a room<span className="visually-hidden"> to {theater.name}</span>
          </Link>
          <button type="button" onClick={() => setEditing(true)} aria-label={`Edit ${theater.name}`}>
            Edit
          </button>
          <RetireButton
            name={theater.name}
            action={retire}
            retire={() => admin.retireTheater(theater.id)}
            onRetired={reload}
          />
        </div>
      )}
      <Outcome action={retire} />
      {theater.rooms.length === 0 ? (
        <p>No rooms yet.</p>
      ) : (
        <ul className="admin-list" aria-label={`Rooms of ${theater.name}`}>
          {theater.rooms.map((room) => (
            <RoomItem key={room.id} room={room} onRetired={reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function TheatersAdmin() {
  const [theaters, reload] = useLoad(() => admin.theaters(), []);
  return (
    <>
      <h1>Theaters and rooms</h1>
      <TheaterForm onSaved={reload} />
      {theaters.state === 'loading' && <Loading what="theaters" />}
      {theaters.state === 'error' && <Problem error={theaters.error} retry={reload} />}
      {theaters.state === 'ready' &&
        theaters.value.items.map((theater) => (
          <TheaterCard key={theater.id} theater={theater} reload={reload} />
        ))}
    </>
  );
}
