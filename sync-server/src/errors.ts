import type { AppErrorCode, FieldErrors } from "../../shared/errors";
import { AppError } from "../../shared/app-error";

/**
 * The shared AppError, with the argument order the server's code reads best in: details (retry-after,
 * the studios to choose from) come up far more often here than field errors.
 */
export class ServerError extends AppError {
  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>, fieldErrors?: FieldErrors) {
    super(code, message, fieldErrors, details);
    this.name = "ServerError";
  }
}
