import type { ErrorCode } from './errorCodes';

/** An error as it crosses the worker boundary. `code` keys the UI's message catalog. */
export interface SerializedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}
