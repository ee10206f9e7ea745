import { isErrorCode, type SerializedError } from '../protocol';

/**
 * Turns anything thrown below the engine into plain data for the UI. Typed errors keep their
 * code and details; anything else — a code no `ErrorCode` names, too — becomes `engine/internal`,
 * never a stack trace on screen.
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const coded = error as Error & { code?: unknown; details?: unknown };
    const code = isErrorCode(coded.code) ? coded.code : 'engine/internal';
    const details = isPlainDetails(coded.details) ? coded.details : undefined;
    return { code, message: error.message, ...(details ? { details } : {}) };
  }
  return { code: 'engine/internal', message: String(error) };
}

function isPlainDetails(value: unknown): value is Record<string, string | number | boolean> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
}
