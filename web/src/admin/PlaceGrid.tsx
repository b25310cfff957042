import { memo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { rowLabel } from './layout-model';

export interface Place {
  /** What the cell shows (a class suffix): a pattern letter or a seat state. */
  kind: string;
  /** What a screen reader says after "Row A place 3:". */
  name: string;
  /** Whether the place is a toggle that is on (a blocked seat in the showtime's blocking). */
  pressed?: boolean;
  disabled?: boolean;
  short?: string;
}

const PlaceButton = memo(function PlaceButton({
  y,
  x,
  place,
  focused,
}: {
  y: number;
  x: number;
  place: Place;
  focused: boolean;
}) {
  return (
    <button
      type="button"
      className={`place place-${place.kind}`}
      data-y={y}
      data-x={x}
      data-kind={place.kind}
      tabIndex={focused ? 0 : -1}
      aria-label={`Row ${rowLabel(y)} place ${x + 1}: ${place.name}`}
      aria-pressed={place.pressed}
      aria-disabled={place.disabled || undefined}
    >
      <span aria-hidden="true">{place.short ?? ''}</span>
    </button>
  );
});

/**
 * A grid of places, one button each, painted by click, drag or keyboard: arrow keys (Home/End) move, Enter
 * or Space acts on the focused place; one place is in the tab order. `onAct` is called with the place a
 * pointer or key acts on; a drag calls it for every place the pointer passes.
 */
export function PlaceGrid({
  places,
  label,
  onAct,
}: {
  places: Place[][];
  label: string;
  onAct: (y: number, x: number, dragging: boolean) => void;
}) {
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const dragging = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const columns = Math.max(0, ...places.map((r) => r.length));
  const [fy, fx] = [Math.min(focus[0], places.length - 1), Math.min(focus[1], columns - 1)];

  const target = (event: { target: EventTarget }): [number, number] | undefined => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-x]');
    if (!el) return undefined;
    return [Number(el.dataset.y), Number(el.dataset.x)];
  };
  const act = (y: number, x: number, drag: boolean) => {
    if (places[y]?.[x]?.disabled) return;
    onAct(y, x, drag);
  };
  const down = (event: PointerEvent<HTMLDivElement>) => {
    const at = target(event);
    if (!at || event.button !== 0) return;
    event.preventDefault();
    // Touch pointers are captured by the first element: release so that a drag paints what it passes.
    (event.target as HTMLElement).releasePointerCapture?.(event.pointerId);
    dragging.current = true;
    setFocus(at);
    act(at[0], at[1], false);
  };
  const over = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const el = document.elementFromPoint(event.clientX, event.clientY);
    const at = el ? target({ target: el }) : undefined;
    if (at) act(at[0], at[1], true);
  };
  const up = () => {
    dragging.current = false;
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    let next: [number, number] | undefined;
    if (moves[event.key]) next = [fy + moves[event.key][0], fx + moves[event.key][1]];
    else if (event.key === 'Home') next = [fy, 0];
    else if (event.key === 'End') next = [fy, columns - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      act(fy, fx, false);
      return;
    } else return;
    event.preventDefault();
    const [y, x] = [
      Math.min(Math.max(next[0], 0), places.length - 1),
      Math.min(Math.max(next[1], 0), columns - 1),
    ];
    setFocus([y, x]);
    box.current?.querySelector<HTMLElement>(`[data-y="${y}"][data-x="${x}"]`)?.focus();
  };

  return (
    <div className="place-scroll">
      <div
        ref={box}
        className="place-grid"
        role="group"
        aria-label={label}
        style={{ gridTemplateColumns: `2rem repeat(${columns}, 2rem)` }}
        onPointerDown={down}
        onPointerMove={over}
        onPointerUp={up}
        onPointerLeave={up}
        onPointerCancel={up}
        onKeyDown={key}
        onFocus={(event) => {
          const at = target(event);
          if (at && (at[0] !== fy || at[1] !== fx)) setFocus(at);
        }}
      >
        {places.map((row, y) => [
          <span key={`label-${y}`} className="place-row-label" aria-hidden="true">
            {rowLabel(y)}
          </span>,
          ...row.map((place, x) => (
            <PlaceButton key={`${y}-${x}`} y={y} x={x} place={place} focused={y === fy && x === fx} />
          )),
        ])}
      </div>
    </div>
  );
}
