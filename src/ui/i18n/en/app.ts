/** English UI text: the page frame: title, language, updates, privacy, errors, the view tabs. */
export const enApp = {
  'app.title': 'MynaLens',
  'app.tagline': 'See exactly what your My Number Card gives away — read and decoded on this device, sent nowhere.',
  'language.label': 'Language',
  'pwa.offlineReady': 'MynaLens is ready to work offline.',
  'pwa.updateAvailable': 'A new version of MynaLens is available.',
  'pwa.reload': 'Reload',
  'pwa.dismiss': 'Dismiss',
  'privacy.about': 'About privacy',
  'privacy.close': 'Back',
  'privacy.footer': 'Nothing leaves this device: no analytics, no remote fonts, no server.',
  'error.dismiss': 'Dismiss',
  'nav.label': 'Views of this card',
  'nav.exposure': 'What the card gives away',
  'nav.services': 'What a service sees',
} as const;
