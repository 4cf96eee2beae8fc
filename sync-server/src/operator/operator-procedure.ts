import { ServerError } from "../errors";
import { servicesProcedure } from "../trpc/procedures";
import { bearerToken, isOperatorToken } from "./operator-token";

/**
 * The SaaS operator, not a studio: `Authorization: Bearer <OPERATOR_TOKEN>`. A studio's access token
 * is never the operator token, so no studio user gets through; without a token configured the API
 * is off (OPERATOR_DISABLED), so a self-hosted studio server exposes nothing.
 */
export const operatorProcedure = servicesProcedure.use(({ ctx, next }) => {
  const configured = ctx.services.operator?.token ?? null;
  if (configured === null) throw new ServerError("OPERATOR_DISABLED", "The operator API is off on this server (no OPERATOR_TOKEN)");
  const presented = bearerToken(ctx.authorization);
  if (presented === null || !isOperatorToken(configured, presented)) throw new ServerError("UNAUTHENTICATED", "Not the operator token");
  return next();
});
