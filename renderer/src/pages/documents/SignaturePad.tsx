import { useEffect, useRef } from "react";
import { useT } from "../../i18n";

interface Props {
  label: string;
  /** The drawing as a PNG data URL, or null while empty or cleared. */
  onChange(dataUrl: string | null): void;
}

/** A signature drawn on a canvas with a mouse, a finger or a pen (pointer events), given back as a PNG data URL. */
export function SignaturePad({ label, onChange }: Props) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);

  // Match the bitmap to the box (and the screen's density) so strokes land under the pointer.
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
    ctx.lineWidth = 2.2;
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const line = (from: { x: number; y: number }, to: { x: number; y: number }, pressure: number) => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    ctx.lineWidth = 1.4 + 2 * (pressure > 0 && pressure !== 0.5 ? pressure : 0.4);
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y + 0.01);
    ctx.stroke();
  };
  const finish = () => {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    if (inked.current && ref.current) onChange(ref.current.toDataURL("image/png"));
  };
  const clear = () => {
    const canvas = ref.current;
    canvas?.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
    inked.current = false;
    onChange(null);
  };

  return (
    <div className="field">
      <span className="label">{label}</span>
      <canvas
        ref={ref}
        className="signature-pad"
        role="img"
        aria-label={t("contracts.drawHere")}
        data-testid="signature-pad"
        onPointerDown={(e) => {
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const p = point(e);
          last.current = p;
          line(p, p, e.pressure);
          inked.current = true;
        }}
        onPointerMove={(e) => {
          if (!drawing.current || !last.current) return;
          const p = point(e);
          line(last.current, p, e.pressure);
          last.current = p;
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
        onPointerLeave={finish}
      />
      <div className="doc-meta">
        <span className="subtle">{t("contracts.drawHere")}</span>
        <span className="spacer" style={{ flex: 1 }} />
        <button type="button" className="btn small ghost" onClick={clear}>{t("contracts.clearPad")}</button>
      </div>
    </div>
  );
}
