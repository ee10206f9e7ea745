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
export { TranscriptCard, type TranscriptCardOptions } from './TranscriptCard';
export { PortTransport, type PortTransportOptions } from './PortTransport';
export type { BridgePort, BridgeReply, BridgeRequest } from './portBridge';
export { withholdPinProtectedAnswers, type WithheldExchange } from './withhold';
export { CardState } from './cardState';
