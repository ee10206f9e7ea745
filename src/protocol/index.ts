/**
 * The one contract between the UI thread and the engine worker (house rule 9), one file per
 * subject. Plain data only: no class instances, functions or live objects cross it (the one
 * exception, a transferred MessagePort, is named in `messages.ts`). protocol/ imports nothing of the app.
 */

export * from './errorCodes';
export type * from './serializedError';
export type * from './connection';
export type * from './readers';
export type * from './apduLog';
export type * from './pins';
export type * from './exposure';
export type * from './services';
export type * from './messages';
export * from './EngineFailure';
