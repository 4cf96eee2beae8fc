import { useLocale, useT } from "../../i18n";
import type { LiveCheck } from "../../lib/use-booking-check";
import { formatTime } from "../../lib/zoned-format";
import { PX_PER_MIN, minuteOf, type CalendarColumn } from "./calendar-layout";
import type { DragState } from "./use-calendar-drag";

export interface Verdict {
  tone: "checking" | "free" | "refused";
  /** Each reason on its own line (the first three), or the state of the check. */
  lines: string[];
}

const SHOWN_REASONS = 3;

/** The verdict of a drag in words: checking, free, or the reasons the core would refuse it. */
export function useDragVerdict(check: LiveCheck, failureText: (f: NonNullable<LiveCheck["outcome"]>["failures"][number]) => string, errorText: (e: unknown) => string): Verdict {
  const t = useT();
  if (check.error) return { tone: "refused", lines: [errorText(check.error)] };
  if (!check.outcome) return { tone: "checking", lines: [t("calendar.checking")] };
  const { failures } = check.outcome;
  if (failures.length === 0) return { tone: "free", lines: [t("calendar.slotFree")] };
  const lines = failures.slice(0, SHOWN_REASONS).map(failureText);
  if (failures.length > SHOWN_REASONS) lines.push(t("calendar.moreReasons", { n: failures.length - SHOWN_REASONS }));
  return { tone: "refused", lines };
}

interface Props {
  drag: DragState;
  column: CalendarColumn;
  verdict: Verdict;
  /** Columns on the right of the grid show the verdict on the slot's left. */
  flip: boolean;
}

/** Where the booking would land, outlined red with the reason when the core would refuse it. */
export function DragGhost({ drag, column, verdict, flip }: Props) {
  const locale = useLocale();
  const tz = column.location.timeZone;
  const fromMin = minuteOf(column, drag.startMs);
  const toMin = Math.max(fromMin + 15, minuteOf(column, drag.endMs));
  const top = fromMin * PX_PER_MIN;
  const height = (toMin - fromMin) * PX_PER_MIN;
  return (
    <>
      <div className={`cal-ghost ${verdict.tone}`} style={{ top, height }} aria-hidden="true">
        <span className="ev-time">{formatTime(drag.startMs, tz, locale)}–{formatTime(drag.endMs, tz, locale)}</span>
      </div>
      {/* Beside the slot, level with its end, where the pointer usually is. */}
      <div className={`cal-tip ${verdict.tone}${flip ? " flip" : ""}`} style={{ top: top + height }} role="status" data-testid="drag-verdict">
        <strong>{formatTime(drag.startMs, tz, locale)}–{formatTime(drag.endMs, tz, locale)}</strong>
        {verdict.lines.map((line) => <div key={line}>{line}</div>)}
      </div>
    </>
  );
}
