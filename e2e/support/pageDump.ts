import type { Page } from '@playwright/test';

/** Everything a script on the page could read off the document, as strings. */
export interface PageDump {
  /** Every text node, attribute (alt, title, aria-*, src, data-*, style…) and form value, one per line. */
  readonly text: string;
  /** Every `<img>` source. */
  readonly imageSources: readonly string[];
  /** Every canvas's pixels, as a PNG data URL, with its size. */
  readonly canvases: readonly { readonly width: number; readonly height: number; readonly dataUrl: string }[];
}

/**
 * Reads the whole document the way a script on the page (or an extension) could: text nodes,
 * every attribute of every element, input values, image sources and canvas pixels.
 */
export async function dumpPage(page: Page): Promise<PageDump> {
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) parts.push(`${attribute.name}=${attribute.value}`);
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
    }
    const imageSources = Array.from(document.images).map((img) => img.currentSrc || img.src);
    const canvases = Array.from(document.querySelectorAll('canvas')).map((c) => ({ width: c.width, height: c.height, dataUrl: c.toDataURL() }));
    return { text: parts.join('\n'), imageSources, canvases };
  });
}

/** The same picture drawn on a canvas of its own size, as a PNG data URL, to compare with the page's canvases. */
export async function drawnAsCanvas(page: Page, source: string): Promise<{ width: number; height: number; dataUrl: string }> {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d')!.drawImage(img, 0, 0);
    return { width: canvas.width, height: canvas.height, dataUrl: canvas.toDataURL() };
  }, source);
}
