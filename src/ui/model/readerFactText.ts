import type { MessageKey } from '../i18n/en';
import type { ReaderFact } from '../../protocol';

/** A catalog key and its values. */
interface Said {
  readonly key: MessageKey;
  readonly values?: Record<string, string | number>;
}

/** How the UI says a reader-check fact: its label, and its value as catalog text or technical tokens as sent. */
export interface ReaderFactText {
  readonly label: Said;
  /** Catalog text, or `{ raw }`: hex, numbers and protocol names that read the same in every language. */
  readonly value: Said | { readonly raw: string };
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const yesNo = (value: boolean): MessageKey => (value ? 'readerCheck.yes' : 'readerCheck.no');

/**
 * The reader check's facts as catalog keys (issue 14 §3): the engine sends which fact and its typed
 * value (protocol/readers.ts `ReaderFact`), the UI says it — so a language is only a catalog.
 */
export function readerFactText(fact: ReaderFact): ReaderFactText {
  const label: Said = { key: `readerCheck.fact.${fact.key}` };
  switch (fact.key) {
    case 'fscFsc':
      return { label, value: { key: 'readerCheck.fact.fscFsc.value', values: { fsci: fact.fsci, fsc: fact.fsc } } };
    case 'fwiFwt':
      return { label, value: { raw: `${fact.fwi} / ${fact.fwtMs} ms` } };
    case 'knownCard':
      return { label, value: { key: fact.card ? `readerCheck.knownCard.${fact.card}` : 'readerCheck.knownCard.none' } };
    case 'iso14443_4':
      return { label, value: { key: yesNo(fact.compliant) } };
    case 'cidNad':
      return { label, value: { key: 'readerCheck.fact.cidNad.value', values: { cid: yesNo(fact.cid), nad: yesNo(fact.nad) } } };
    case 'bitRate': {
      const rates = { toCard: fact.toCard, toReader: fact.toReader };
      if (!fact.fellBackFrom) return { label, value: { key: 'readerCheck.fact.bitRate.value', values: rates } };
      return { label, value: { key: 'readerCheck.fact.bitRate.fellBack', values: { ...rates, fromCard: fact.fellBackFrom.toCard, fromReader: fact.fellBackFrom.toReader } } };
    }
    case 'startUpSequence':
      return fact.failed.length === 0
        ? { label, value: { raw: fact.sequence } }
        : { label, value: { key: 'readerCheck.fact.startUpSequence.value', values: { sequence: fact.sequence, failed: fact.failed.map((f) => `${f.sequence} → ${f.step}`).join('; ') } } };
    case 'negotiated':
      return {
        label,
        value: {
          key: 'readerCheck.fact.negotiated.value',
          values: {
            protocol: fact.protocol,
            fiDi: fact.fiDi,
            pps: fact.pps.mode === 'sent' ? fact.pps.bytes : '',
            ppsKey: `readerCheck.pps.${fact.pps.mode}`,
            setParametersKey: fact.setParameters ? 'readerCheck.setParameters.sent' : 'readerCheck.setParameters.reader',
            voltage: fact.voltage,
            voltageKey: fact.voltage === 'auto' ? 'readerCheck.voltage.auto' : 'readerCheck.voltage.fixed',
          },
        },
      };
    default:
      return { label, value: { raw: fact.value } };
  }
}

/** Nested keys (`…Key` values, and yes/no) said first, then the text itself. */
function say(t: Translate, said: Said): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.values ?? {})) {
    const nested = typeof value === 'string' && value.startsWith('readerCheck.');
    values[name.replace(/Key$/, '')] = nested ? t(value as MessageKey, said.values) : value;
  }
  return t(said.key, values);
}

/** The label and value of a reader-check fact in the language `t` speaks. */
export function sayReaderFact(t: Translate, fact: ReaderFact): { label: string; value: string } {
  const text = readerFactText(fact);
  return { label: say(t, text.label), value: 'raw' in text.value ? text.value.raw : say(t, text.value) };
}
