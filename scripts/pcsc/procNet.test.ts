import { describe, expect, it } from 'vitest';
import { TCP_ESTABLISHED, TCP_LISTEN, connectedClientCount, isTcpPortListening, parseProcNetTcp } from './procNet';

// Rows in the kernel's /proc/net/tcp layout (hex address:port, hex state), written by hand:
// vpcd listening on 0.0.0.0:35963 (0x8C7B), one card connected to it from 127.0.0.1:41000 (0xA028).
const TCP = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 00000000:8C7B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1658 1 0 100 0 0 10 0',
  '   1: 0100007F:8C7B 0100007F:A028 01 00000000:00000000 00:00000000 00000000     0        0 1700 1 0 20 4 30 10 -1',
  '   2: 0100007F:A028 0100007F:8C7B 01 00000000:00000000 00:00000000 00000000     0        0 1701 1 0 20 4 30 10 -1',
  '   3: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1659 1 0 100 0 0 10 0',
  '',
].join('\n');

describe('parseProcNetTcp', () => {
  it('reads ports and states from hex', () => {
    const rows = parseProcNetTcp(TCP);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ localAddress: '00000000', localPort: 35963, remotePort: 0, state: TCP_LISTEN, inode: 1658 });
    expect(rows[1]).toEqual({
      localAddress: '0100007F',
      localPort: 35963,
      remotePort: 41000,
      state: TCP_ESTABLISHED,
      inode: 1700,
    });
  });

  it('skips the header and malformed rows', () => {
    expect(parseProcNetTcp('header\n   0: garbage\n')).toEqual([]);
  });
});

describe('port checks', () => {
  const rows = parseProcNetTcp(TCP);

  it('sees the listener on 35963 and not on a free port', () => {
    expect(isTcpPortListening(35963, rows)).toBe(true);
    expect(isTcpPortListening(35964, rows)).toBe(false);
  });

  it('counts the server side of each connection to the port, not the client side', () => {
    expect(connectedClientCount(35963, rows)).toBe(1);
    expect(connectedClientCount(2024, rows)).toBe(0);
  });
});
