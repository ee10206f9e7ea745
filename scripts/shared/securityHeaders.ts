/**
 * The Content-Security-Policy of the built app: only our own origin, no inline script, no
 * third party of any kind; the one other endpoint is the MynaLens bridge on 127.0.0.1 (bridge/,
 * `npm run bridge`). 'wasm-unsafe-eval' lets the worker compile OpenJPEG's WebAssembly;
 * `data:` images carry the decoded card images. The page carries it as a `<meta>` tag too
 * (vite.config.ts), but a `<meta>` policy binds only its document: the engine worker, loaded from
 * its own URL, is under a policy only when its response carries one, and `frame-ancestors` works
 * only as a header. So every way of serving the app sends SECURITY_HEADERS with every file.
 */
/** BRIDGE_DEFAULT_PORT of src/platform/bridgeProtocol.ts (bridge/contentSecurityPolicy.test.ts keeps them equal). */
const BRIDGE_PORT = 27436;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // The MynaLens bridge on this computer, and nothing else.
  `connect-src 'self' ws://127.0.0.1:${BRIDGE_PORT}`,
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  // An Isolated Web App enforces Trusted Types; the web build does too, so both run the same way.
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

/** The header form adds what only a header can say: no site may frame MynaLens (CSP 3, frame-ancestors). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Headers every response of the web app carries (vite preview, `_headers` on static hosts, the README's nginx/Apache lines). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The `_headers` file static hosts read (Netlify, Cloudflare Pages: a path pattern, then indented
 * `Name: value` lines), written into `dist/` by the build.
 */
export function headersFile(): string {
  return ['/*', ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}

/** Reads a `_headers` file's rules for `/*` back into name → value (the test servers serve `dist/` with it). */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllPaths && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
