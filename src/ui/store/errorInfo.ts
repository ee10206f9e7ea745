import { knownErrorCode, type ErrorCode } from '../../protocol';

/** A caught engine failure as code + details (house rule 9: errors cross as `{ code, message, details }`). */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Reads the code and details of an `EngineFailure` (or anything shaped like one, such as the
 * platform's coded errors); no code is `engine/internal`, and a code this build does not know is
 * `engine/unknown-error` with the original in `details.code`.
 */
export function errorInfo(error: unknown): ErrorInfo {
  const e = error as { code?: unknown; details?: unknown } | null;
  const details = e?.details && typeof e.details === 'object' ? (e.details as ErrorInfo['details']) : {};
  return knownErrorCode(e?.code, details);
}
