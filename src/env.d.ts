interface ImportMetaEnv {
  /** True in the installed-app builds (vite.config.ts `define`): no service worker there. */
  readonly INSTALLED_APP: boolean;
}
