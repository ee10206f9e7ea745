/**
 * The web app manifest both builds share (W3C Web Application Manifest): the web build's
 * `/manifest.webmanifest` (vite-plugin-pwa writes it) and, with absolute URLs and the IWA fields
 * added, the installed app's `/.well-known/manifest.webmanifest` (scripts/iwa/buildIwa.ts).
 */
export const WEB_MANIFEST = {
  id: '/',
  name: 'MynaLens — マイナンバーカードの中身を確かめる',
  short_name: 'MynaLens',
  description: 'See what your My Number Card gives away, decoded on your own device. / マイナンバーカードが何を明かすかを端末内で確かめます。',
  lang: 'ja',
  dir: 'ltr' as const,
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  background_color: '#f6f7f9',
  theme_color: '#0b5cad',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' as const },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' as const },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' as const },
  ],
};
