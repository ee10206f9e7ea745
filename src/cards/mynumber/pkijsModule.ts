import type * as Pkijs from 'pkijs';

const notLoaded = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`pkijs.${String(name)} used before loadPkijs(): await it before parsing a certificate or a CMS`);
    },
  },
) as typeof Pkijs;

/**
 * pkijs, once `loadPkijs()` has brought it in (a live binding: importers see the module after the
 * load). It is most of the engine's code (issue "speed to the physical limit" §4: 55 % of the
 * worker chunk), and only certificates and CMS need it, so the worker starts without it.
 */
export let pkijs: typeof Pkijs = notLoaded;

let loading: Promise<typeof Pkijs> | null = null;

/** Loads pkijs once, from the app's own origin (a chunk of the build); later calls share the load. */
export function loadPkijs(): Promise<typeof Pkijs> {
  loading ??= import('pkijs').then(
    (module) => (pkijs = module),
    (error: unknown) => {
      // A failed fetch is tried again by the next certificate, not remembered for good.
      loading = null;
      throw error;
    },
  );
  return loading;
}
