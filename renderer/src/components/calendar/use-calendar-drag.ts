import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { CalendarBooking } from "../../lib/booking-types";
import { DAY_MINUTES, PX_PER_MIN, SNAP_MS, floorSnapMs, instantAt, snapMs, type CalendarColumn } from "./calendar-layout";

export type DragKind = "create" | "move" | "resize";

/** A drag in progress: where the booking would go if dropped now. */
export interface DragState {
  kind: DragKind;
  /** The booking moved or resized; null while creating. */
  booking: CalendarBooking | null;
  /** Where the pointer went down: a create or resize stays in it, a move follows the pointer. */
  originColumn: number;
  column: number;
  startMs: number;
  endMs: number;
  roomIds: string[];
  /** Past the few pixels that tell a drag from a click. */
  moved: boolean;
}

/** What a finished drag asks for. */
export type DropResult =
  | { kind: "create"; column: CalendarColumn; startMs: number; endMs: number }
  | { kind: "move" | "resize"; booking: CalendarBooking; startMs: number; endMs: number; roomIds: string[] }
  | { kind: "open"; booking: CalendarBooking };

interface Options {
  columns: CalendarColumn[];
  bookings: Map<string, CalendarBooking>;
  scrollRef: RefObject<HTMLElement | null>;
  /** Bookings whose time may still change (hold, confirmed, checked in, conflict). */
  canEdit(booking: CalendarBooking): boolean;
  onDrop(result: DropResult): void;
}

const CLICK_SLOP_PX = 4;
const EDGE_PX = 32;

interface Grab {
  pointerId: number;
  x: number;
  y: number;
  /** Create: the snapped instant the pointer went down at. Move: pointer instant minus the booking's start. */
  anchorMs: number;
  grabOffsetMs: number;
  fromRoomId: string;
}

/**
 * Drag on an empty slot to create, drag a booking to move it (to another room or day of the same
 * location too), drag its bottom edge to resize; everything snaps to 15 minutes on the location's
 * clock. Escape cancels. Nothing is written here: the drop is handed to `onDrop`.
 */
export function useCalendarDrag({ columns, bookings, scrollRef, canEdit, onDrop }: Options) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const dragRef = useRef<DragState | null>(null);
  const grabRef = useRef<Grab | null>(null);

  const update = (next: DragState | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const cancel = () => {
    grabRef.current = null;
    update(null);
  };

  useEffect(() => {
    if (!drag) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        cancel();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [drag !== null]);

  /** The column under the pointer, and the (unsnapped) instant at its height. */
  const pointAt = (clientX: number, clientY: number, only?: number): { column: CalendarColumn; ms: number } | null => {
    let el: Element | null = null;
    if (only === undefined) el = document.elementFromPoint(clientX, clientY)?.closest("[data-col]") ?? null;
    const index = only ?? (el ? Number((el as HTMLElement).dataset.col) : NaN);
    const column = columns[index];
    if (!column) return null;
    const colEl = el ?? scrollRef.current?.querySelector(`[data-col="${index}"]`);
    if (!colEl) return null;
    const minute = Math.max(0, Math.min(DAY_MINUTES, (clientY - colEl.getBoundingClientRect().top) / PX_PER_MIN));
    return { column, ms: instantAt(column, minute) };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0 || dragRef.current) return;
    const target = e.target as HTMLElement;
    const colEl = target.closest<HTMLElement>("[data-col]");
    if (!colEl) return;
    const origin = Number(colEl.dataset.col);
    const column = columns[origin];
    const point = pointAt(e.clientX, e.clientY, origin);
    if (!column || !point) return;
    const blockEl = target.closest<HTMLElement>("[data-booking-id]");
    const booking = blockEl ? bookings.get(blockEl.dataset.bookingId!) ?? null : null;
    const resizing = Boolean(target.closest("[data-resize]"));
    let next: DragState;
    if (booking) {
      const startMs = Date.parse(booking.startsAt);
      const endMs = Date.parse(booking.endsAt);
      grabRef.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY, anchorMs: startMs, grabOffsetMs: point.ms - startMs, fromRoomId: column.room.id };
      next = { kind: resizing ? "resize" : "move", booking, originColumn: origin, column: origin, startMs, endMs, roomIds: booking.rooms.map((r) => r.id), moved: false };
    } else {
      const anchorMs = floorSnapMs(point.ms);
      grabRef.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY, anchorMs, grabOffsetMs: 0, fromRoomId: column.room.id };
      next = { kind: "create", booking: null, originColumn: origin, column: origin, startMs: anchorMs, endMs: anchorMs + SNAP_MS, roomIds: [column.room.id], moved: false };
    }
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    update(next);
  };

  const autoScroll = (clientY: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    if (clientY < rect.top + EDGE_PX + 60) el.scrollTop -= 12;
    else if (clientY > rect.bottom - EDGE_PX) el.scrollTop += 12;
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const cur = dragRef.current;
    const grab = grabRef.current;
    if (!cur || !grab || e.pointerId !== grab.pointerId) return;
    const moved = cur.moved || Math.abs(e.clientX - grab.x) + Math.abs(e.clientY - grab.y) > CLICK_SLOP_PX;
    if (!moved) return;
    // A booking that may no longer change is opened on click, never dragged.
    if (cur.booking && !canEdit(cur.booking)) return;
    autoScroll(e.clientY);
    if (cur.kind === "create" || cur.kind === "resize") {
      const point = pointAt(e.clientX, e.clientY, cur.originColumn);
      if (!point) return;
      if (cur.kind === "create") {
        const a = grab.anchorMs;
        const startMs = point.ms >= a ? a : floorSnapMs(point.ms);
        const endMs = point.ms >= a ? Math.max(a + SNAP_MS, Math.ceil(point.ms / SNAP_MS) * SNAP_MS) : a + SNAP_MS;
        update({ ...cur, moved, startMs, endMs });
      } else {
        update({ ...cur, moved, endMs: Math.max(cur.startMs + SNAP_MS, snapMs(point.ms)) });
      }
      return;
    }
    const booking = cur.booking!;
    const over = pointAt(e.clientX, e.clientY);
    // A booking stays at its location: over another location's rooms it keeps its last column.
    const point = over && over.column.location.id === booking.locationId ? over : pointAt(e.clientX, e.clientY, cur.column);
    if (!point) return;
    const duration = Date.parse(booking.endsAt) - Date.parse(booking.startsAt);
    const startMs = snapMs(point.ms - grab.grabOffsetMs);
    const original = booking.rooms.map((r) => r.id);
    const roomIds = [...new Set(original.map((id) => (id === grab.fromRoomId ? point.column.room.id : id)))];
    update({ ...cur, moved, column: point.column.index, startMs, endMs: startMs + duration, roomIds });
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLElement>) => {
    const cur = dragRef.current;
    const grab = grabRef.current;
    if (!cur || !grab || e.pointerId !== grab.pointerId) return;
    cancel();
    if (cur.kind === "create") {
      if (cur.moved) onDrop({ kind: "create", column: columns[cur.originColumn]!, startMs: cur.startMs, endMs: cur.endMs });
      return;
    }
    const booking = cur.booking!;
    const unchanged =
      cur.startMs === Date.parse(booking.startsAt) && cur.endMs === Date.parse(booking.endsAt) && cur.roomIds.join() === booking.rooms.map((r) => r.id).join();
    if (!cur.moved || unchanged) {
      if (!cur.moved) onDrop({ kind: "open", booking });
      return;
    }
    onDrop({ kind: cur.kind, booking, startMs: cur.startMs, endMs: cur.endMs, roomIds: cur.roomIds });
  };

  return {
    drag: drag?.moved ? drag : null,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: cancel },
  };
}
