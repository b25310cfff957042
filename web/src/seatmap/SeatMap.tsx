// The room as laid out: rows, aisles and gaps, the screen at the top. Each seat is a button (mouse, touch
// and keyboard alike) with its state in words; one seat at a time is in the tab order (roving tabindex) and
// the arrow keys move between seats. Seat cells are memoised: a live change re-renders only its seats.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import {
  moveFocus,
  seatAriaLabel,
  seatView,
  selectable,
  type MapSeat,
  type SeatGrid,
  type SeatView,
  type Statuses,
} from './model';

interface SeatCellProps {
  seat: MapSeat;
  view: SeatView;
  label: string;
  focusable: boolean;
}

const SeatCell = memo(function SeatCell({ seat, view, label, focusable }: SeatCellProps) {
  const pickable = selectable(view);
  return (
    <button
      type="button"
      className={`seat type-${seat.type.toLowerCase()} is-${view}`}
      data-seat-id={seat.id}
      data-state={view}
      aria-label={label}
      aria-pressed={pickable ? view === 'selected' : undefined}
      aria-disabled={pickable ? undefined : true}
      tabIndex={focusable ? 0 : -1}
      style={{ gridColumn: seat.x + 2, gridRow: seat.y + 1 }}
    >
      <span aria-hidden="true">{view === 'blocked' ? '' : seat.number}</span>
    </button>
  );
});

export interface SeatMapProps {
  grid: SeatGrid;
  statuses: Statuses;
  selected: ReadonlySet<string>;
  mine: ReadonlySet<string>;
  prices: Readonly<Record<string, number>>;
  currency: string;
  /** A seat was activated (click, tap, Enter or Space). */
  onActivate(seatId: string): void;
  /** The seat under the pointer or with the focus, for explaining a change there. */
  onPointAt(seatId: string | null): void;
}

const BASE_SEAT_PX = 30;
/** The grid gap between seats (.seat-plane in styles.css). */
const SEAT_GAP_PX = 4;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 2;

export function SeatMap({
  grid,
  statuses,
  selected,
  mine,
  prices,
  currency,
  onActivate,
  onPointAt,
}: SeatMapProps) {
  const [focusId, setFocusId] = useState<string>(
    () => grid.seats.find((s) => !s.blocked)?.id ?? grid.seats[0]?.id,
  );
  const [zoom, setZoom] = useState(1);
  const viewport = useRef<HTMLDivElement>(null);
  const plane = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const drag = useRef<{ x: number; y: number; left: number; top: number; id: number } | null>(null);

  // Big rooms open scaled to fit the width of the screen; zoom in to pick.
  const fitZoom = useCallback(() => {
    const v = viewport.current;
    if (!v?.clientWidth) return 1;
    const style = getComputedStyle(v);
    const inner = v.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // Each column (the seats and a row label on either side) is a seat wide plus the gap.
    const columns = grid.width + 2;
    const zoom = (inner - (columns - 1) * SEAT_GAP_PX) / (columns * BASE_SEAT_PX);
    return Math.min(1, Math.max(MIN_ZOOM, zoom));
  }, [grid.width]);
  useLayoutEffect(() => setZoom(fitZoom()), [fitZoom]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    plane.current?.querySelector<HTMLButtonElement>(`[data-seat-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId]);

  const seatIdOf = (target: EventTarget | null) =>
    (target as HTMLElement | null)?.closest<HTMLElement>('[data-seat-id]')?.dataset.seatId;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = seatIdOf(event.target);
    if (!from) return;
    const next = moveFocus(grid, from, event.key);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    setFocusId(next);
    onPointAt(next);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const id = seatIdOf(event.target);
    if (!id) return;
    setFocusId(id);
    onActivate(id);
  };

  // Dragging with a mouse pans a zoomed map (touch screens pan natively by scrolling).
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const v = viewport.current;
    if (!v || event.pointerType !== 'mouse' || event.button !== 0) return;
    drag.current = {
      x: event.clientX,
      y: event.clientY,
      left: v.scrollLeft,
      top: v.scrollTop,
      id: event.pointerId,
    };
    dragged.current = false;
  };
  const dragged = useRef(false);
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const v = viewport.current;
    if (!d || !v) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!dragged.current && Math.hypot(dx, dy) < 6) return;
    dragged.current = true;
    v.scrollLeft = d.left - dx;
    v.scrollTop = d.top - dy;
  };
  const endDrag = () => {
    drag.current = null;
  };
  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    if (dragged.current) {
      event.stopPropagation();
      dragged.current = false;
    }
  };

  const zoomBy = (factor: number) => setZoom((z) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z * factor)));
  const seatPx = Math.floor(BASE_SEAT_PX * zoom);
  const style = {
    '--seat': `${seatPx}px`,
    '--seat-font': `${Math.max(9, Math.round(seatPx * 0.4))}px`,
    gridTemplateColumns: `repeat(${grid.width + 2}, var(--seat))`,
    gridTemplateRows: `repeat(${grid.height}, var(--seat))`,
  } as CSSProperties;

  return (
    <div className="seat-map">
      <div className="zoom" role="group" aria-label="Zoom the seat map">
        <button
          type="button"
          onClick={() => zoomBy(1 / 1.25)}
          disabled={zoom <= MIN_ZOOM}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={() => setZoom(fitZoom())}>
          Fit
        </button>
        <button type="button" onClick={() => zoomBy(1.25)} disabled={zoom >= MAX_ZOOM} aria-label="Zoom in">
          +
        </button>
      </div>
      <div
        className="map-viewport"
        ref={viewport}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={() => {
          endDrag();
          onPointAt(null);
        }}
        onClickCapture={onClickCapture}
      >
        <div className="seat-stage">
          <div className="screen" aria-hidden="true">
            Screen
          </div>
          <div
            ref={plane}
            className="seat-plane"
            role="group"
            aria-label="Seats, the screen is in front of row A"
            aria-describedby="seat-keys"
            style={style}
            onKeyDown={onKeyDown}
            onClick={onClick}
            onPointerOver={(event) => onPointAt(seatIdOf(event.target) ?? null)}
            onFocus={(event) => {
              const id = seatIdOf(event.target);
              if (id) {
                setFocusId(id);
                onPointAt(id);
              }
            }}
          >
            {grid.rows.map((row) => (
              <RowLabels key={row.label} label={row.label} y={row.y} right={grid.width + 2} />
            ))}
            {grid.seats.map((seat) => {
              const view = seatView(
                seat.blocked ? 'BLOCKED' : statuses[seat.id],
                selected.has(seat.id),
                mine.has(seat.id),
              );
              return (
                <SeatCell
                  key={seat.id}
                  seat={seat}
                  view={view}
                  label={seatAriaLabel(seat, view, prices[seat.id], currency)}
                  focusable={seat.id === focusId}
                />
              );
            })}
          </div>
        </div>
      </div>
      <p id="seat-keys" className="hint">
        Tab to the seats, then use the arrow keys to move and Enter or Space to pick a seat.
      </p>
    </div>
  );
}

const RowLabels = memo(function RowLabels({ label, y, right }: { label: string; y: number; right: number }) {
  return (
    <>
      <span className="row-label" aria-hidden="true" style={{ gridColumn: 1, gridRow: y + 1 }}>
        {label}
      </span>
      <span className="row-label" aria-hidden="true" style={{ gridColumn: right, gridRow: y + 1 }}>
        {label}
      </span>
    </>
  );
});
