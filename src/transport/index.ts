export { BaseTransport, type CardTransport } from './CardTransport';
export { TransportError, type TransportErrorCode } from './TransportError';
export { LoggingTransport, type ApduLogEntry } from './LoggingTransport';
export { ReplayTransport, type ReplayOptions } from './ReplayTransport';
export { redactCommand } from './redact';
export {
  commandMatches,
  formatCommandHex,
  formatTranscript,
  hasDataField,
  hiddenBody,
  hidesBody,
  parseTranscript,
  type TranscriptExchange,
} from './transcript';
export { PortTransport, type PortTransportOptions } from './PortTransport';
export type { BridgePort, BridgeReply, BridgeRequest } from './portBridge';
export { CardState } from './cardState';
// `TranscriptCard` and `withholdPinProtectedAnswers` are imported from their own files: only the
// worker's transcript chunk needs them, and a module this index names would load with the engine's
// first chunk (issue "speed to the physical limit" §4).
