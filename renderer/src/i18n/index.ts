import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { kk } from './locales/kk';
import { ru } from './locales/ru';

export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'qorgau.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Starts i18next synchronously with the bundled catalogs (offline: nothing is fetched). The
 * chosen language is a UI preference, not case data, so it may persist in localStorage.
 */
export function initI18n(): typeof i18next {
  const stored = readStoredLanguage();
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } },
    lng: stored ?? 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes on render; escaping here too would show entities to the user.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode, quota): the choice then lasts for this session.
  }
}

function readStoredLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}
