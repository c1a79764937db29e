import { create } from 'zustand';
import type { AppInfo, Platform } from '../platform';
import { failureOf, type Failure } from '../i18n/failure-text';

type AppState = {
  readonly appInfo: AppInfo | null;
  /** Why the app's facts could not be read (worded where shown), or null. */
  readonly appInfoError: Failure | null;
};

type AppActions = {
  loadAppInfo: (platform: Platform) => Promise<void>;
};

/** The empty state of the app slice; tests reset the store with it. */
export function initialAppState(): AppState {
  return { appInfo: null, appInfoError: null };
}

/** Session-wide facts about the running app. Holds no case data and no key material. */
export const useAppStore = create<AppState & AppActions>()((set) => ({
  ...initialAppState(),
  loadAppInfo: async (platform) => {
    try {
      set({ appInfo: await platform.appInfo(), appInfoError: null });
    } catch (error) {
      set({ appInfoError: failureOf(error) });
    }
  },
}));
