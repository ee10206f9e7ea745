import type { StoreApi } from 'zustand/vanilla';
import type { AppState, EngineClientLike } from './appState';
import { errorInfo } from './errorInfo';
import type { ServiceAction, ServicesActions, ServicesState } from './servicesState';

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

/** Builds the services actions over the engine client (house rule 10: actions beside their state). */
export function servicesActions(set: SetState, get: GetState, client: EngineClientLike): ServicesActions {
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
