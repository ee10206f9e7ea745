import { knownErrorCode, type ErrorCode } from './errorCodes';
import type { SerializedError } from './serializedError';

/**
 * The one engine error type, on both sides of the worker boundary (house rule 9): the engine throws
 * it for failures of its own, and `EngineClient` rejects with it, rebuilt from the serialised
 * `{ code, message, details }` — so a caller sees the same `code` and `details` wherever it caught it.
 */
export class EngineFailure extends Error {
  override readonly name = 'EngineFailure';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }

  /**
   * Rebuilds the error that crossed the boundary as plain data. A code this build does not know
   * (a worker of another version) becomes `engine/unknown-error`, keeping the original in `details.code`.
   */
  static fromSerialized(error: SerializedError): EngineFailure {
    const { code, details } = knownErrorCode(error.code, error.details ?? {});
    return new EngineFailure(code, error.message, details);
  }
}
