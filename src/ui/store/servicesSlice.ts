import type { StoreApi } from 'zustand/vanilla';
import type { CardDataCheckView, DocumentSignatureView, EngineMethods, NoPinReadView, ServiceLoginView } from '../../worker/protocol';
import type { AppState, EngineClientLike } from './appState';
import { errorInfo } from './errorInfo';

/** The five things the "What a service sees" view does, one engine call each. */
export type ServiceAction = 'login' | 'noPin' | 'sign' | 'certificates' | 'cardData';

/** What the "What a service sees" view holds: card data, in memory only, cleared with the rest (house rule 10). */
export interface ServicesState {
  /** Every service login of this session, oldest first; services are named A, B, … by position. */
  readonly logins: readonly ServiceLoginView[];
  readonly noPin: NoPinReadView | null;
  readonly signature: DocumentSignatureView | null;
  readonly certificates: EngineMethods['checkCertificates']['result'] | null;
  readonly cardData: readonly CardDataCheckView[] | null;
  /** The action in flight, if any. */
  readonly pending: ServiceAction | null;
  /** The last refusal, by action; its text comes from the catalog. */
  readonly error: { readonly action: ServiceAction; readonly code: string; readonly details: Readonly<Record<string, string | number | boolean>> } | null;
}

/** The services slice before anything was done. */
export const EMPTY_SERVICES: ServicesState = { logins: [], noPin: null, signature: null, certificates: null, cardData: null, pending: null, error: null };

/** The actions of the services slice: each calls one engine method; PINs pass straight through, never stored. */
export interface ServicesActions {
  serviceLogin(pin: string, confirmLastTry: boolean): Promise<boolean>;
  readWithoutPin(): Promise<void>;
  signDocument(contentBase64: string, pin: string, confirmLastTry: boolean): Promise<boolean>;
  checkCertificates(): Promise<void>;
  checkCardData(): Promise<void>;
}

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/** Builds the services actions over the engine client (house rule 10: actions beside their state). */
export function servicesActions(set: Set, get: Get, client: EngineClientLike): ServicesActions {
  async function act(action: ServiceAction, work: () => Promise<Partial<ServicesState>>): Promise<boolean> {
    if (get().services.pending) return false;
    set({ services: { ...get().services, pending: action, error: null } });
    try {
      const done = await work();
      set({ services: { ...get().services, ...done, pending: null } });
      return true;
    } catch (error) {
      const { code, details } = errorInfo(error);
      set({ services: { ...get().services, pending: null, error: { action, code, details } } });
      return false;
    }
  }
  return {
    serviceLogin: (pin, confirmLastTry) =>
      act('login', async () => {
        const login = await client.call('serviceLogin', confirmLastTry ? { pin, confirmLastTry } : { pin });
        return { logins: [...get().services.logins, login] };
      }),
    readWithoutPin: async () => {
      await act('noPin', async () => ({ noPin: await client.call('readAuthCertificate', {}) }));
    },
    signDocument: (contentBase64, pin, confirmLastTry) =>
      act('sign', async () => ({
        signature: await client.call('signDocument', confirmLastTry ? { contentBase64, pin, confirmLastTry } : { contentBase64, pin }),
      })),
    checkCertificates: async () => {
      await act('certificates', async () => ({ certificates: await client.call('checkCertificates', {}) }));
    },
    checkCardData: async () => {
      await act('cardData', async () => ({ cardData: (await client.call('checkCardData', {})).checks }));
    },
  };
}
