import type { AppState } from './createAppStore';

// Selectors at module scope so components re-render only when their slice changes.
export const selectLanguage = (s: AppState) => s.language;
export const selectConnection = (s: AppState) => s.connection;
export const selectIdentity = (s: AppState) => s.identity;
export const selectBusy = (s: AppState) => s.busy;
export const selectErrorCode = (s: AppState) => s.errorCode;
export const selectLog = (s: AppState) => s.log;
export const selectSetLanguage = (s: AppState) => s.setLanguage;
export const selectConnectSimulator = (s: AppState) => s.connectSimulator;
export const selectCheckCard = (s: AppState) => s.checkCard;
export const selectDisconnect = (s: AppState) => s.disconnect;
export const selectAppStatus = (s: AppState) => s.appStatus;
export const selectApplyUpdate = (s: AppState) => s.applyUpdate;
export const selectDismissAppStatus = (s: AppState) => s.dismissAppStatus;
