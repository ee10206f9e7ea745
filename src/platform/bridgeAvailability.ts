/**
 * Whether the MynaLens bridge route can be offered here: a desktop browser with WebSockets (the
 * bridge runs on a computer, never on a phone). Its own module so the start screen can ask at
 * start-up without loading the bridge itself (platform/lazyBridgeAccess.ts).
 */
export function isDesktopBrowser(): boolean {
  const agent = globalThis.navigator?.userAgent ?? '';
  return typeof WebSocket !== 'undefined' && !/Android|iPhone|iPad|Mobile/i.test(agent);
}
