import 'i18next';
import type { CatalogKeys } from './locales/en';

// Typed keys: `t('cases.titel')` is a compile error.
declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging needs an interface
  interface CustomTypeOptions {
    resources: { translation: CatalogKeys };
  }
}
