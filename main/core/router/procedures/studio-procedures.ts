import { z } from "zod";
import { devicePrefsInput, setupStudioInput, updateStudioInput } from "../../../../shared/schemas/studio";
import { seedDemoStudio } from "../../demo/seed-demo";
import { procedure, router, studioProcedure } from "../trpc";

/** First run (demo or setup), studio settings, and this device's language and theme. */
export const studioProcedures = router({
  status: procedure.query(({ ctx }) => {
    const studio = ctx.core.studio.find();
    return { initialized: studio !== null, studio, prefs: ctx.core.studio.prefs(), outbox: ctx.core.outbox.status() };
  }),
  setup: procedure.input(setupStudioInput).mutation(({ ctx, input }) => ctx.core.studio.setup(input)),
  createDemo: procedure.mutation(({ ctx }) => {
    seedDemoStudio(ctx.core);
    return ctx.core.studio.get();
  }),
  get: studioProcedure.query(({ ctx }) => ctx.core.studio.get()),
  update: studioProcedure.input(updateStudioInput).mutation(({ ctx, input }) => ctx.core.studio.update(input)),
  setPrefs: procedure.input(devicePrefsInput).mutation(({ ctx, input }) => ctx.core.studio.setPrefs(input)),
  search: studioProcedure
    .input(z.object({ text: z.string().max(200) }))
    .query(({ ctx, input }) => ctx.core.search.query(input.text)),
});
