import { createQuoteInput, updateQuoteInput, type QuoteSession } from "../../../../shared/documents/document-inputs";
import type { DocumentLine } from "../../../../shared/documents/document-line";
import { displayNumber } from "../../../../shared/documents/document-numbers";
import { QUOTE_TRANSITIONS, QUOTE_VALIDITY_DAYS, canMove, effectiveQuoteStatus, type QuoteStatus } from "../../../../shared/documents/document-status";
import { computeTotals } from "../../../../shared/documents/document-totals";
import { quoteSessionLines, SESSION_LINE_LABELS } from "../../../../shared/documents/quote-session-lines";
import { depositRate } from "../../../../shared/booking/pricing";
import { addDays } from "../../../../shared/zoned-time";
import type { Db } from "../../db/open-database";
import { AppError } from "../../errors";
import type { DeviceClock } from "../../sync/device-clock";
import type { BookingService } from "../booking-service";
import { parseInput } from "../parse-input";
import type { DocumentContext } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { InvoiceView, QuoteRow, QuoteView, ServiceItemRow } from "./document-types";
import type { InvoiceService } from "./invoice-service";
import { nextProvisionalNumber } from "./provisional-numbers";

type QuoteInput = ReturnType<typeof createQuoteInput.parse>;
const SESSION_KINDS = ["room", "engineer", "gear"];
/** The discount a quote gives on its sessions: every session line carries it (linesOf). */
const sessionDiscountOf = (lines: readonly DocumentLine[]) => lines.find((l) => SESSION_KINDS.includes(l.kind) && l.session !== null)?.discountBp ?? 0;

/**
 * Quotes: lines priced from the sessions they propose (rooms, engineers, gear, by the booking
 * engine's rate cards), from the catalogue of services, or typed in; discounts per line; valid 30
 * days by default. Accepting one books its sessions as holds and drafts the deposit invoice, in
 * one transaction: either all of it happens, or nothing.
 */
export class QuoteService {
  constructor(
    private readonly db: Db,
    private readonly rows: DocumentRows,
    private readonly context: DocumentContext,
    private readonly bookings: BookingService,
    private readonly invoices: InvoiceService,
    private readonly clock: DeviceClock,
    private readonly now: () => number,
  ) {}

  get(id: string): QuoteView {
    return this.view(this.rows.get<QuoteRow>("quote", id));
  }

  list(clientId?: string): QuoteView[] {
    return this.rows.list<QuoteRow>("quote", "(? IS NULL OR client_id = ?)", [clientId ?? null, clientId ?? null]).map((q) => this.view(q));
  }

  private view(q: QuoteRow): QuoteView {
    return { ...q, displayNumber: displayNumber(q), effectiveStatus: effectiveQuoteStatus(q.status, q.validUntil, this.context.today(q.locationId, this.now())) };
  }

  /** The quote's lines: each session priced as the booking engine would, then catalogue services, then typed lines. */
  private linesOf(data: Pick<QuoteInput, "clientId" | "sessions" | "sessionDiscountBp" | "services" | "lines">): DocumentLine[] {
    const out: DocumentLine[] = [];
    const labels = SESSION_LINE_LABELS[this.context.client(data.clientId).documentLanguage];
    for (const session of data.sessions) {
      const { gearDayPrices: _, ...draft } = session;
      const check = this.bookings.check({ ...draft, clientId: data.clientId });
      const timeZone = this.context.location(session.locationId).timeZone;
      out.push(...quoteSessionLines({
        startsAt: session.startsAt, endsAt: session.endsAt, timeZone, projectName: session.projectName ?? null, title: session.title ?? null,
        priceLines: check.price.lines, gearDayPrices: session.gearDayPrices, discountBp: data.sessionDiscountBp,
      }, labels));
    }
    for (const s of data.services) {
      const item = this.rows.get<ServiceItemRow>("service_item", s.serviceItemId);
      out.push({
        kind: "service", refId: item.id, label: item.name, detail: item.description, quantityMilli: s.quantityMilli, unitPriceCents: item.unitPriceCents,
        vatBp: item.vatBp, discountBp: s.discountBp, bookingId: null, session: null, projectName: null,
      });
    }
    out.push(...data.lines);
    if (out.length === 0) throw new AppError("VALIDATION_FAILED", "A quote needs at least one line", { lines: ["v.atLeastOne"] });
    return out;
  }

  create(input: unknown): QuoteView {
    const data = parseInput(createQuoteInput, input, "quote");
    return this.db.transaction(() => {
      const client = this.context.client(data.clientId);
      const studio = this.context.studio();
      const lines = this.linesOf(data);
      const t = computeTotals(lines);
      const locationId = data.locationId ?? data.sessions[0]?.locationId ?? null;
      const id = this.rows.insert("quote", {
        status: "draft", clientId: data.clientId, locationId, issuedOn: null,
        validUntil: data.validUntil ?? addDays(this.context.today(locationId, this.now()), QUOTE_VALIDITY_DAYS),
        lines, sessions: data.sessions, currency: studio.currency, netCents: t.netCents, vatCents: t.vatCents, totalCents: t.totalCents,
        depositBp: data.depositBp ?? depositRate(client.defaultDepositBp, studio.defaultDepositBp), notes: data.notes ?? null,
        acceptedAt: null, bookingIds: [], depositInvoiceId: null,
      });
      return this.get(id);
    })();
  }

  /** Changes a draft; its lines are priced again from the merged sessions, services and lines. */
  update(input: unknown): QuoteView {
    const { id, patch } = parseInput(updateQuoteInput, input, "quote");
    return this.db.transaction(() => {
      const q = this.rows.get<QuoteRow>("quote", id);
      if (q.status !== "draft") throw new AppError("QUOTE_NOT_DRAFT", `Quote ${id} is ${q.status}: only a draft can be edited`, undefined, { status: q.status });
      const next: Record<string, unknown> = { notes: patch.notes, validUntil: patch.validUntil, depositBp: patch.depositBp, locationId: patch.locationId ?? undefined };
      if (patch.sessions || patch.services || patch.lines || patch.sessionDiscountBp !== undefined) {
        // What the patch leaves out is kept: the sessions, their discount, catalogue lines, typed lines.
        const kept = (kinds: string[]) => q.lines.filter((l) => kinds.includes(l.kind));
        const previousDiscount = kept(SESSION_KINDS)[0]?.discountBp ?? 0;
        const lines = [
          ...this.linesOf({
            clientId: q.clientId, sessions: patch.sessions ?? q.sessions, sessionDiscountBp: patch.sessionDiscountBp ?? previousDiscount,
            services: patch.services ?? [], lines: patch.lines ?? kept(["custom", "deposit", "deposit_deduction"]),
          }),
          ...(patch.services ? [] : kept(["service"])),
        ];
        const t = computeTotals(lines);
        Object.assign(next, { lines, sessions: patch.sessions ?? q.sessions, netCents: t.netCents, vatCents: t.vatCents, totalCents: t.totalCents });
      }
      this.rows.update("quote", id, next);
      return this.get(id);
    })();
  }

  send(id: string): QuoteView {
    return this.db.transaction(() => {
      const q = this.rows.get<QuoteRow>("quote", id);
      this.move(q.status, "sent");
      this.rows.update("quote", id, { status: "sent", issuedOn: this.context.today(q.locationId, this.now()), provisionalNumber: q.provisionalNumber ?? nextProvisionalNumber(this.db, this.clock.nodeId) });
      return this.get(id);
    })();
  }

  reject(id: string): QuoteView {
    const q = this.rows.get<QuoteRow>("quote", id);
    this.move(q.status, "rejected");
    this.rows.update("quote", id, { status: "rejected" });
    return this.get(id);
  }

  /**
   * Accepted: every session becomes a hold for the client (checked like any booking: a refusal
   * names what is in the way and nothing is written) and the deposit invoice is drafted.
   */
  accept(id: string): { quote: QuoteView; bookingIds: string[]; depositInvoice: InvoiceView | null } {
    return this.db.transaction(() => {
      const q = this.rows.get<QuoteRow>("quote", id);
      if (q.status === "sent" && q.validUntil < this.context.today(q.locationId, this.now())) {
        throw new AppError("INVALID_TRANSITION", "This quote has expired", undefined, { from: "expired", to: "accepted" });
      }
      this.move(q.status, "accepted");
      // The engineers and gear of each session go on its hold, with the quote's session discount, so
      // the holds cost what the client accepted; the quote's own gear prices stay on the quote.
      const discountBp = sessionDiscountOf(q.lines);
      const bookingIds = q.sessions.map(({ gearDayPrices: _, ...s }: QuoteSession) => this.bookings.create({ ...s, clientId: q.clientId, status: "hold", discountBp }).booking.id);
      const deposit = q.depositBp > 0 && q.totalCents > 0 ? this.invoices.createQuoteDeposit({ ...q, bookingIds }, bookingIds) : null;
      this.rows.update("quote", id, {
        status: "accepted", acceptedAt: new Date(this.now()).toISOString(), bookingIds, depositInvoiceId: deposit?.id ?? null,
        issuedOn: q.issuedOn ?? this.context.today(q.locationId, this.now()),
        provisionalNumber: q.provisionalNumber ?? nextProvisionalNumber(this.db, this.clock.nodeId),
      });
      return { quote: this.get(id), bookingIds, depositInvoice: deposit };
    })();
  }

  /** The invoice of an accepted quote (its lines less the deposit already invoiced). */
  invoice(id: string): InvoiceView {
    const q = this.rows.get<QuoteRow>("quote", id);
    if (q.status !== "accepted") throw new AppError("INVALID_TRANSITION", "Only an accepted quote is invoiced", undefined, { from: q.status });
    return this.db.transaction(() => this.invoices.createFromQuote(q))();
  }

  private move(from: QuoteStatus, to: QuoteStatus): void {
    if (!canMove(QUOTE_TRANSITIONS, from, to)) throw new AppError("INVALID_TRANSITION", `A quote cannot go from ${from} to ${to}`, undefined, { from, to });
  }
}
