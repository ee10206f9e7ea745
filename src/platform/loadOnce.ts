/**
 * A module's work loaded with `import()` on first use and shared by every later use (issue "speed
 * to the physical limit" §4: what most people never use stays out of the start-up chunk). A load
 * that failed — offline before the service worker cached the chunk, or a new version deployed
 * under the page — is tried again at the next use instead of failing for the page's lifetime.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
