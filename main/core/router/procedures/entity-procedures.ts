import { z } from "zod";
import { byIdSchema, listInputSchema } from "../../../../shared/schemas/common";
import type { EntityStore } from "../../services/entity-store";
import type { StudioCore } from "../../studio-core";
import { router, studioProcedure } from "../trpc";

type EntityKey = "locations" | "rooms" | "staff" | "equipment" | "clients";

/**
 * list / get / create / update / archive / restore for one entity. Inputs are the shared zod
 * schemas; the store validates the merged row again on update.
 */
export function entityProcedures<K extends EntityKey, C extends z.ZodType, U extends z.ZodType<{ id: string; patch: object }>>(
  key: K,
  createInput: C,
  updateInput: U,
) {
  type Store = StudioCore[K];
  const store = (core: StudioCore) => core[key] as Store & EntityStore<Record<string, unknown>>;
  return router({
    list: studioProcedure.input(listInputSchema.optional()).query(({ ctx, input }) => store(ctx.core).list(input) as ReturnType<Store["list"]>),
    get: studioProcedure.input(byIdSchema).query(({ ctx, input }) => store(ctx.core).get(input.id) as ReturnType<Store["get"]>),
    create: studioProcedure.input(createInput).mutation(({ ctx, input }) => store(ctx.core).create(input) as ReturnType<Store["get"]>),
    update: studioProcedure
      .input(updateInput)
      .mutation(({ ctx, input }) => store(ctx.core).update(input.id, input.patch as Record<string, unknown>) as ReturnType<Store["get"]>),
    archive: studioProcedure.input(byIdSchema).mutation(({ ctx, input }) => store(ctx.core).archive(input.id) as ReturnType<Store["get"]>),
    restore: studioProcedure.input(byIdSchema).mutation(({ ctx, input }) => store(ctx.core).restore(input.id) as ReturnType<Store["get"]>),
  });
}
