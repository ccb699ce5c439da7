/** Stable error codes shared by the CLI (`{"ok":false,"error":{"code"}}`), HTTP and the bot. */
export type AppErrorCode =
  | "bad_request"
  | "not_found"
  | "ambiguous"
  | "conflict"
  | "validation_failed"
  | "import_failed"
  | "unsupported_file"
  /** A provider (Telegram, Zalo, SMS gateway) refused the call or could not be reached. */
  | "provider_error"
  | "internal";

/**
 * An error a user can act on. `messageKey` names a Fluent message so every surface can
 * say it in the user's language; `args` fill its variables.
 */
export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    public readonly messageKey: string,
    public readonly args: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${messageKey}`, options);
    this.name = "AppError";
  }
}
