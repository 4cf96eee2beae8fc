import type { z } from "zod";

/** For schema tests: each issue as "dotted.path" and message (an i18n key such as "v.required"). */
export function issuesOf(schema: z.ZodType, input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export const A_UUID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
