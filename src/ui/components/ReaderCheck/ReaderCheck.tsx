import type { ReactNode } from 'react';
import type { CcidCheckView, ContactlessCheckView, ReaderFact, ReaderView } from '../../../protocol';
import { sayReaderFact } from '../../model/readerFactText';
import { useAppStore } from '../../store/AppStoreContext';
import { selectHideReaderCheck, selectReaderCheck } from '../../store/selectors';
import { useT } from '../../useT';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** The reader's name and USB identity. */
function ReaderRow({ reader }: { reader: ReaderView }) {
  const t = useT();
  return (
    <Row label={t('readerCheck.reader')} testId="reader-check-name">
      {reader.name} <span className="mono small">({reader.vendorId}:{reader.productId})</span>
    </Row>
  );
}

/** Named facts (ATR or ATQB fields), one per line, in the chosen language; nothing when there are none. */
function FactList({ facts }: { facts: readonly ReaderFact[] }) {
  const t = useT();
  if (facts.length === 0) return null;
  return (
    <ul className="small">
      {facts.map((fact) => {
        const { label, value } = sayReaderFact(t, fact);
        return (
          <li key={fact.key}>
            {label}: <span className="mono">{value}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The reader check: what the reader says about itself (a CCID class descriptor, or the RC-S380's
 * chip), what the card answered (ATR, or ATQB), and what the driver does with them.
 */
export function ReaderCheck() {
  const t = useT();
  const check = useAppStore(selectReaderCheck);
  const hide = useAppStore(selectHideReaderCheck);
  if (!check) return null;
  return (
    <section className="panel" aria-labelledby="reader-check-heading" data-testid="reader-check">
      <h2 id="reader-check-heading">{t('readerCheck.heading')}</h2>
      {check.kind === 'ccid' ? <CcidFacts check={check} /> : <ContactlessFacts check={check} />}
      <button type="button" onClick={hide} data-testid="reader-check-close">
        {t('readerCheck.close')}
      </button>
    </section>
  );
}

/** CCID 1.1 §5.1 descriptor, the ATR (ISO 7816-3 §8) and the protocol the driver runs. */
function CcidFacts({ check }: { check: CcidCheckView }) {
  const t = useT();
  const vendorClass = check.interfaceClass === 'FF';
  return (
    <dl className="facts">
      <ReaderRow reader={check.reader} />
      <Row label={t('readerCheck.interface')} testId="reader-check-interface">
        {t('readerCheck.interfaceNumbered', { number: check.interfaceNumber, interfaceClass: check.interfaceClass })} — {t(vendorClass ? 'readerCheck.interfaceVendor' : 'readerCheck.interfaceCcid')}
      </Row>
      <Row label={t('readerCheck.ccid')}>{check.bcdCcid}</Row>
      <Row label={t('readerCheck.slots')}>
        {check.maxSlotIndex + 1} ({check.slot})
      </Row>
      <Row label={t('readerCheck.voltages')}>{check.voltages.join(', ')}</Row>
      <Row label={t('readerCheck.protocols')}>{check.protocols.join(', ')}</Row>
      <Row label={t('readerCheck.features')}>
        <span className="mono">0x{check.features}</span>
        {check.featureKeys.length > 0 && <span className="small muted"> — {check.featureKeys.map((key) => t(`readerCheck.feature.${key}`)).join(t('card.check.separator'))}</span>}
      </Row>
      <Row label={t('readerCheck.level')} testId="reader-check-level">
        {t(`readerCheck.level.${check.exchangeLevel}`)}
      </Row>
      <Row label={t('readerCheck.maxMessage')}>{check.maxMessageLength} B</Row>
      <Row label={t('readerCheck.maxIfsd')}>{check.maxIfsd} B</Row>
      <Row label={t('readerCheck.packet')}>{check.packetSize} B</Row>
      <Row label={t('readerCheck.atr')} testId="reader-check-atr">
        <span className="mono">{check.atr}</span>
        <FactList facts={check.atrFacts} />
      </Row>
      <Row label={t('readerCheck.protocolInUse')} testId="reader-check-protocol">
        {check.protocolInUse}
      </Row>
      <Row label={t('readerCheck.extended')}>{t(check.extendedLength ? 'readerCheck.yes' : 'readerCheck.no')}</Row>
    </dl>
  );
}

/** The RC-S380's chip, the card's ATQB (ISO/IEC 14443-3 §7.9) and the ISO-DEP frame sizes (§7.10, 14443-4). */
function ContactlessFacts({ check }: { check: ContactlessCheckView }) {
  const t = useT();
  return (
    <dl className="facts">
      <ReaderRow reader={check.reader} />
      <Row label={t('readerCheck.interface')} testId="reader-check-interface">
        {t('readerCheck.interfaceClass', { interfaceClass: check.interfaceClass })} — {t('readerCheck.interfaceVendor')}
      </Row>
      <Row label={t('readerCheck.firmware')}>{check.firmwareVersion ?? '—'}</Row>
      {check.experimental && (
        <Row label={t('start.reader.experimental')} testId="reader-check-experimental">
          {t('start.reader.experimentalNote')}
        </Row>
      )}
      <Row label={t('readerCheck.level')} testId="reader-check-level">
        {t('readerCheck.level.contactless')}
      </Row>
      <Row label={t('readerCheck.frames')} testId="reader-check-frames">
        {t('readerCheck.framesValue', { fsc: check.fsc, fsd: check.fsd, rate: check.bitRateKbps })}
      </Row>
      <Row label={t('readerCheck.packet')}>{check.packetSize} B</Row>
      <Row label={t('readerCheck.atqb')} testId="reader-check-atqb">
        <FactList facts={check.cardFacts} />
      </Row>
      <Row label={t('readerCheck.atrContactless')} testId="reader-check-atr">
        <span className="mono">{check.atr}</span>
      </Row>
      <Row label={t('readerCheck.protocolInUse')} testId="reader-check-protocol">
        {t('readerCheck.protocolContactless')}
      </Row>
      <Row label={t('readerCheck.extended')}>{t(check.extendedLength ? 'readerCheck.yes' : 'readerCheck.no')}</Row>
    </dl>
  );
}
