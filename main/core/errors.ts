/** The core raises the shared refusal type; kept here so services import it from their own layer. */
export { AppError, issuesToFieldErrors } from "../../shared/app-error";
