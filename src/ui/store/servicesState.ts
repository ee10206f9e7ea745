import type { CardDataCheckView, DocumentSignatureView, EngineMethods, ErrorCode, NoPinReadView, ServiceLoginView } from '../../protocol';

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
  readonly error: { readonly action: ServiceAction; readonly code: ErrorCode; readonly details: Readonly<Record<string, string | number | boolean>> } | null;
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
