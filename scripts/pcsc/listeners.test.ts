import { describe, expect, it } from 'vitest';
import { isLoopbackHex, listenersAmong, parseInterfaceNames, reachableBeyondLoopback, type Listener } from './listeners';
import { parseProcNetTcp } from './procNet';

// /proc/net/dev of a namespace made by `unshare --net` with lo up, and of an ordinary host.
const ISOLATED_DEV = [
  'Inter-|   Receive                                                |  Transmit',
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
  '    lo:     120       2    0    0    0     0          0         0      120       2    0    0    0     0       0          0',
  '',
].join('\n');
const HOST_DEV = `${ISOLATED_DEV}  eth0: 9000 30 0 0 0 0 0 0 7000 20 0 0 0 0 0 0\n`;

describe('isLoopbackHex (addresses as /proc/net/tcp{,6} print them)', () => {
  it('knows 127.0.0.0/8, ::1 and ::ffff:127.0.0.1 as loopback', () => {
    expect(isLoopbackHex('0100007F')).toBe(true); // 127.0.0.1
    expect(isLoopbackHex('0200007F')).toBe(true); // 127.0.0.2
    expect(isLoopbackHex('00000000000000000000000001000000')).toBe(true);
    expect(isLoopbackHex('0000000000000000FFFF00000100007F')).toBe(true);
  });

  it('knows 0.0.0.0, a LAN address, :: and ::ffff:0.0.0.0 as reachable from outside', () => {
    expect(isLoopbackHex('00000000')).toBe(false);
    expect(isLoopbackHex('0101A8C0')).toBe(false); // 192.168.1.1
    expect(isLoopbackHex('00000000000000000000000000000000')).toBe(false);
    expect(isLoopbackHex('0000000000000000FFFF000000000000')).toBe(false);
  });
});

describe('parseInterfaceNames', () => {
  it('reads the interface column after the two header lines', () => {
    expect(parseInterfaceNames(ISOLATED_DEV)).toEqual(['lo']);
    expect(parseInterfaceNames(HOST_DEV)).toEqual(['lo', 'eth0']);
  });
});

describe('listenersAmong', () => {
  it('keeps only the listening sockets the process owns', () => {
    const rows = parseProcNetTcp(
      [
        'header',
        '   0: 00000000:8C7B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1658 1 0 100 0 0 10 0',
        '   1: 0100007F:8C7B 0100007F:A028 01 00000000:00000000 00:00000000 00000000     0        0 1700 1 0 20 4 30 10 -1',
        '   2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0 100 0 0 10 0',
      ].join('\n'),
    );
    expect(listenersAmong(rows, new Set([1658, 1700])).map((s) => s.inode)).toEqual([1658]);
  });
});

describe('reachableBeyondLoopback', () => {
  const listener = (address: string, dev: string): Listener => ({
    pid: 1,
    address,
    port: 35963,
    interfaces: parseInterfaceNames(dev),
  });

  it('flags Debian vpcd as installed: 0.0.0.0 on a host with a network card', () => {
    expect(reachableBeyondLoopback(listener('00000000', HOST_DEV))).toBe(true);
  });

  it('passes 0.0.0.0 inside a namespace whose only interface is lo', () => {
    expect(reachableBeyondLoopback(listener('00000000', ISOLATED_DEV))).toBe(false);
  });

  it('passes 127.0.0.1 anywhere', () => {
    expect(reachableBeyondLoopback(listener('0100007F', HOST_DEV))).toBe(false);
  });
});
