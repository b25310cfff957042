import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Loading, useLoad } from '../components';
import { Link, navigate } from '../router';
import { admin } from './api';
import { Outcome, Problem, useAction } from './common';
import {
  CELL_NAMES,
  countSeats,
  emptyGrid,
  gridFromLayout,
  layoutProblems,
  MAX_COLUMNS,
  MAX_ROWS,
  paint,
  PAINTS,
  resize,
  toRows,
  type Cell,
  type RoomGrid,
} from './layout-model';
import { PlaceGrid, type Place } from './PlaceGrid';

const SHORT: Record<Cell, string> = { S: '', V: 'V', C: 'C', A: '♿', P: 'P', X: '✕', '.': '' };
const KIND: Record<Cell, string> = { S: 'S', V: 'V', C: 'C', A: 'A', P: 'P', X: 'X', '.': 'gap' };

function Editor({
  theaterId,
  roomId,
  initialName,
  initialGrid,
}: {
  theaterId: string;
  roomId?: string;
  initialName: string;
  initialGrid: RoomGrid;
}) {
  const [name, setName] = useState(initialName);
  const [grid, setGrid] = useState(initialGrid);
  const [brush, setBrush] = useState<Cell>('S');
  const save = useAction();
  const rows = grid.cells.length;
  const columns = grid.cells[0]?.length ?? 0;
  const counts = countSeats(grid);
  const problems = layoutProblems(grid);
  const places = useMemo<Place[][]>(
    () =>
      grid.cells.map((line) => line.map((c) => ({ kind: KIND[c], name: CELL_NAMES[c], short: SHORT[c] }))),
    [grid],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) return;
    const body = { name: name.trim(), rows: toRows(grid) };
    await save.run(async () => {
      const room = roomId ? await admin.updateRoom(roomId, body) : await admin.createRoom(theaterId, body);
      if (!roomId) navigate(`/manage/rooms/${room.id}?theater=${theaterId}&created=1`, { replace: true });
      return `${room.name} saved: ${room.capacity} seats.`;
    });
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="room-heading">
      <label className="narrow">
        Room name
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="field-grid">
        <label>
          Rows
          <input
            type="number"
            min={1}
            max={MAX_ROWS}
            value={rows}
            onChange={(e) => setGrid((g) => resize(g, Number(e.target.value) || 1, columns))}
          />
        </label>
        <label>
          Places per row
          <input
            type="number"
            min={1}
            max={MAX_COLUMNS}
            value={columns}
            onChange={(e) => setGrid((g) => resize(g, rows, Number(e.target.value) || 1))}
          />
        </label>
      </div>
      <fieldset className="palette">
        <legend>Paint with</legend>
        {PAINTS.map((p) => (
          <label key={p.cell} className="paint">
            <input
              type="radio"
              name="brush"
              value={p.cell}
              checked={brush === p.cell}
              onChange={() => setBrush(p.cell)}
            />
            <span className={`swatch place-${KIND[p.cell]}`} aria-hidden="true">
              {SHORT[p.cell]}
            </span>
            {p.name}
          </label>
        ))}
      </fieldset>
      <p className="hint" id="editor-help">
        Click or drag over places to paint them. With the keyboard: arrow keys move, Enter or Space paints.
        The screen is at the top; a row of gaps only is left out.
      </p>
      <div className="screen" aria-hidden="true">
        Screen
      </div>
      <PlaceGrid
        places={places}
        label="Room layout, rows from the screen"
        onAct={(y, x) => setGrid((g) => paint(g, y, x, brush))}
      />
      <p role="status" className="layout-count">
        {counts.sellable} seats for sale
        {counts.byCell.X > 0 && `, ${counts.byCell.X} blocked`}
        {counts.byCell.V > 0 && `, ${counts.byCell.V} VIP`}
        {counts.byCell.C > 0 && `, ${counts.byCell.C} couple`}
        {counts.byCell.A > 0 && `, ${counts.byCell.A} wheelchair`}
        {counts.byCell.P > 0 && `, ${counts.byCell.P} companion`}
      </p>
      {problems.length > 0 && (
        <div className="note error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.busy || problems.length > 0}>
          {roomId ? 'Save layout' : 'Create room'}
        </button>
        <Link href="/manage/theaters">Back to theaters</Link>
      </div>
      <Outcome action={save} />
    </form>
  );
}

export function NewRoom({ theaterId }: { theaterId: string }) {
  return (
    <>
      <h1 id="room-heading">New room</h1>
      <Editor theaterId={theaterId} initialName="" initialGrid={emptyGrid(8, 12)} />
    </>
  );
}

export function EditRoom({
  roomId,
  theaterId,
  created,
}: {
  roomId: string;
  theaterId: string;
  created: boolean;
}) {
  const [data, reload] = useLoad(async () => {
    const [layout, theaters] = await Promise.all([admin.layout(roomId), admin.theaters()]);
    const theater = theaters.items.find((t) => t.rooms.some((r) => r.id === roomId));
    const room = theater?.rooms.find((r) => r.id === roomId);
    return { layout, theater, room };
  }, [roomId]);
  const [shown, setShown] = useState(created);
  useEffect(() => setShown(created), [created]);
  if (data.state === 'loading') return <Loading what="the room" />;
  if (data.state === 'error') return <Problem error={data.error} retry={reload} />;
  const { layout, theater, room } = data.value;
  return (
    <>
      <h1 id="room-heading">{room ? `${room.name} layout` : 'Room layout'}</h1>
      {theater && <p className="hint">{theater.name}</p>}
      {shown && (
        <div className="note success" role="status">
          <p>
            Room created with {room?.capacity ?? 'its'} seats.{' '}
            <Link href={`/manage/rooms/${roomId}/schedule`}>Schedule showtimes in it</Link>
          </p>
        </div>
      )}
      <p>
        <Link href={`/manage/rooms/${roomId}/schedule`}>Week&apos;s schedule of this room</Link>
      </p>
      <Editor
        key={roomId}
        theaterId={theater?.id ?? theaterId}
        roomId={roomId}
        initialName={room?.name ?? ''}
        initialGrid={gridFromLayout(layout)}
      />
      {shown && (
        <button type="button" className="link" onClick={() => setShown(false)}>
          Hide the message
        </button>
      )}
    </>
  );
}
