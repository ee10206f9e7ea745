import { loadOnce } from './loadOnce';
import type { SmartCardReaderInfo, SmartCardSession, WebSmartCardAccess } from './smartCard';
import { smartCardManager, type SmartCardResourceManagerLike } from './smartCardApi';

/**
 * The Web Smart Card route as the page holds it from start-up (issue "speed to the physical limit"
 * §4): whether `navigator.smartCard` exists is known at once (an installed app on ChromeOS only,
 * docs/browser-platform.md §1.3), but `WebSmartCardAccess` — PC/SC, the APDU bridge to the engine,
 * the reader watch — loads with `import()` the first time readers are listed. Everywhere else it
 * never loads at all. The manager is the one found at start-up, as the eager class took it.
 */
export class LazySmartCardAccess implements Pick<WebSmartCardAccess, 'available' | 'listReaders' | 'connect'> {
  readonly available: boolean;
  private readonly access: () => Promise<WebSmartCardAccess>;

  constructor(manager: SmartCardResourceManagerLike | null = smartCardManager()) {
    this.available = manager !== null;
    this.access = loadOnce(async () => new (await import('./smartCard')).WebSmartCardAccess(manager));
  }

  async listReaders(): Promise<SmartCardReaderInfo[]> {
    return (await this.access()).listReaders();
  }

  async connect(readerName: string): Promise<SmartCardSession> {
    return (await this.access()).connect(readerName);
  }
}
