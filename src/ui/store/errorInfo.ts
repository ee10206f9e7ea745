/** A caught engine failure as code + details (house rule 9: errors cross as `{ code, message, details }`). */
export interface ErrorInfo {
  readonly code: string;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

/** Reads the code and details of an `EngineFailure` (or anything shaped like one); the rest is `engine/internal`. */
export function errorInfo(error: unknown): ErrorInfo {
  const e = error as { code?: unknown; details?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : 'engine/internal';
  const details = e?.details && typeof e.details === 'object' ? (e.details as ErrorInfo['details']) : {};
  return { code, details };
}
