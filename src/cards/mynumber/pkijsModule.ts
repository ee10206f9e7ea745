import type * as Asn1js from 'asn1js';
import type * as Pkijs from 'pkijs';

/** A stand-in that names the missing `loadPkijs()` instead of failing somewhere inside a parse. */
function notLoaded<T extends object>(library: string): T {
  return new Proxy({} as T, {
    get(_target, name) {
      throw new Error(`${library}.${String(name)} used before loadPkijs(): await it before parsing a certificate or a CMS`);
    },
  });
}

/**
 * pkijs, once `loadPkijs()` has brought it in (a live binding: importers see the module after the
 * load). It is most of the engine's code (issue "speed to the physical limit" §4: 55 % of the
 * worker chunk), and only certificates and CMS need it, so the worker starts without it.
 */
export let pkijs: typeof Pkijs = notLoaded<typeof Pkijs>('pkijs');

/**
 * asn1js, loaded with pkijs (which is built on it) by the same `loadPkijs()`: only certificates and
 * CMS parse BER with it, and it was a quarter of the worker's start-up chunk once pkijs was out.
 */
export let asn1js: typeof Asn1js = notLoaded<typeof Asn1js>('asn1js');

let loading: Promise<typeof Pkijs> | null = null;

/** Loads pkijs and asn1js once, from the app's own origin (chunks of the build); later calls share the load. */
export function loadPkijs(): Promise<typeof Pkijs> {
  loading ??= Promise.all([import('pkijs'), import('asn1js')]).then(
    ([pkijsModule, asn1jsModule]) => {
      asn1js = asn1jsModule;
      return (pkijs = pkijsModule);
    },
    (error: unknown) => {
      // A failed fetch is tried again by the next certificate, not remembered for good.
      loading = null;
      throw error;
    },
  );
  return loading;
}
