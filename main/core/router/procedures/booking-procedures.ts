import { z } from "zod";
import {
  cancelBookingInput, checkBookingInput, createBookingInput, createSeriesInput, moveBookingInput, quoteCancellationInput, recordPaymentInput,
  setStatusInput, updateBookingInput,
} from "../../../../shared/booking/booking-input";
import {
  calendarViewInput, icsExportInput, listBookingsInput, maintenanceInput, staffScheduleInput, timeOffInput,
} from "../../../../shared/booking/booking-queries";
import { updateBookingSettingsInput } from "../../../../shared/booking/booking-settings";
import { byIdSchema, idSchema } from "../../../../shared/schemas/common";
import { router, studioProcedure } from "../trpc";

const rangeInput = z.object({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() });
const ms = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));

/** Bookings: the calendar's live checks and queries, the drawer's actions, series, time off and maintenance. */
export const bookingProcedures = router({
  settings: studioProcedure.query(({ ctx }) => ctx.core.bookings.settings()),
  updateSettings: studioProcedure.input(updateBookingSettingsInput).mutation(({ ctx, input }) => ctx.core.bookings.updateSettings(input)),

  get: studioProcedure.input(byIdSchema).query(({ ctx, input }) => ctx.core.bookings.get(input.id)),
  check: studioProcedure.input(checkBookingInput).query(({ ctx, input }) => ctx.core.bookings.check(input)),
  checkMove: studioProcedure.input(moveBookingInput).query(({ ctx, input }) => ctx.core.bookings.checkMove(input)),
  create: studioProcedure.input(createBookingInput).mutation(({ ctx, input }) => ctx.core.bookings.create(input)),
  update: studioProcedure.input(updateBookingInput).mutation(({ ctx, input }) => ctx.core.bookings.update(input)),
  move: studioProcedure.input(moveBookingInput).mutation(({ ctx, input }) => ctx.core.bookings.move(input)),
  setStatus: studioProcedure.input(setStatusInput).mutation(({ ctx, input }) => ctx.core.bookings.setStatus(input)),
  quoteCancellation: studioProcedure.input(quoteCancellationInput).query(({ ctx, input }) => ctx.core.bookings.quoteCancellation(input)),
  cancel: studioProcedure.input(cancelBookingInput).mutation(({ ctx, input }) => ctx.core.bookings.cancel(input)),
  noShow: studioProcedure.input(byIdSchema).mutation(({ ctx, input }) => ctx.core.bookings.noShow(input)),
  recordPayment: studioProcedure.input(recordPaymentInput).mutation(({ ctx, input }) => ctx.core.bookings.recordPayment(input)),

  checkSeries: studioProcedure.input(createSeriesInput).query(({ ctx, input }) => ctx.core.bookings.checkSeries(input)),
  createSeries: studioProcedure.input(createSeriesInput).mutation(({ ctx, input }) => ctx.core.bookings.createSeries(input)),

  view: studioProcedure.input(calendarViewInput).query(({ ctx, input }) => ctx.core.bookings.view(input)),
  list: studioProcedure.input(listBookingsInput.optional()).query(({ ctx, input }) => ctx.core.bookings.list(input ?? {})),
  schedule: studioProcedure.input(staffScheduleInput).query(({ ctx, input }) => ctx.core.bookings.schedule(input)),
  exportIcs: studioProcedure.input(icsExportInput).query(({ ctx, input }) => ctx.core.bookings.exportIcs(input)),

  timeOff: router({
    list: studioProcedure
      .input(rangeInput.extend({ staffId: idSchema.optional() }).optional())
      .query(({ ctx, input }) => ctx.core.bookings.blockouts.timeOff({ staffId: input?.staffId, fromMs: ms(input?.from), toMs: ms(input?.to) })),
    add: studioProcedure.input(timeOffInput).mutation(({ ctx, input }) => ctx.core.bookings.blockouts.addTimeOff(input)),
    remove: studioProcedure.input(byIdSchema).mutation(({ ctx, input }) => ctx.core.bookings.blockouts.remove("timeOff", input.id)),
  }),
  maintenance: router({
    list: studioProcedure
      .input(rangeInput.extend({ equipmentId: idSchema.optional() }).optional())
      .query(({ ctx, input }) => ctx.core.bookings.blockouts.maintenance({ equipmentId: input?.equipmentId, fromMs: ms(input?.from), toMs: ms(input?.to) })),
    add: studioProcedure.input(maintenanceInput).mutation(({ ctx, input }) => ctx.core.bookings.blockouts.addMaintenance(input)),
    remove: studioProcedure.input(byIdSchema).mutation(({ ctx, input }) => ctx.core.bookings.blockouts.remove("maintenance", input.id)),
  }),
});
