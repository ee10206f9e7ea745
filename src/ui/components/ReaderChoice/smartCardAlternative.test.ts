import { describe, expect, it } from 'vitest';
import type { ReaderView } from '../../../protocol';
import { smartCardAlternative } from './smartCardAlternative';

const rcs300: ReaderView = {
  id: '054C:0DC8#0', name: 'Sony PaSoRi RC-S300/S', vendorId: '054C', productId: '0DC8', serialNumber: null, route: 'rcs300', experimental: true, blockedBy: null,
};

describe('the PC/SC reader preferred over the RC-S300 vendor route', () => {
  it('names the RC-S300 the system lists (libccid or Sony driver names)', () => {
    expect(smartCardAlternative(rcs300, [{ name: 'Some Reader 00 00' }, { name: 'Sony FeliCa RC-S300/S [CCID] 00 00' }])).toBe('Sony FeliCa RC-S300/S [CCID] 00 00');
    expect(smartCardAlternative(rcs300, [{ name: 'Sony FeliCa Port/PaSoRi 4.0 0' }])).toBe('Sony FeliCa Port/PaSoRi 4.0 0');
  });

  it('none when the system lists no RC-S300, or the reader already takes its CCID interface', () => {
    expect(smartCardAlternative(rcs300, [{ name: 'ACS ACR39U ICC Reader 00 00' }])).toBeNull();
    expect(smartCardAlternative({ ...rcs300, route: 'ccid-class', experimental: false }, [{ name: 'Sony FeliCa RC-S300/S 00 00' }])).toBeNull();
  });
});
