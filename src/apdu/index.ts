export {
  command,
  encodeCommand,
  parseCommand,
  EXTENDED_MAX_NE,
  SHORT_MAX_NE,
  type ApduCase,
  type CommandApdu,
  type LengthForm,
  type ParsedCommand,
} from './CommandApdu';
export { encodeResponse, parseResponse, sw1, sw2, type ResponseApdu } from './ResponseApdu';
export {
  SW,
  bytesRemaining,
  correctLe,
  describeStatusWord,
  retriesLeft,
  retriesStatus,
} from './statusWords';
export { StatusWordError } from './StatusWordError';
export {
  childrenOf,
  encodeSimpleTlv,
  encodeTlv,
  findTlv,
  parseSimpleTlvs,
  parseTlvs,
  readTlv,
  type LengthStyle,
  type ParseTlvOptions,
  type SimpleTlv,
  type Tlv,
} from './tlv';
export * as iso7816 from './iso7816';
export { ApduChannel, MAX_GET_RESPONSE_ROUNDS, MAX_RESPONSE_DATA_BYTES, type ApduTransmitter } from './ApduChannel';
