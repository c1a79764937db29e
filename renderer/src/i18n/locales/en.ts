/** The English catalog: the source of every UI string. Other catalogs must match its shape. */
export const en = {
  app: {
    name: 'Qorgau',
    tagline: 'Encrypted case files on legal pressure against journalists and media',
    version: 'Version {{version}}',
    edition: {
      desktop: 'Desktop edition',
      web: 'Web edition',
    },
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Sections',
    cases: 'Cases',
  },
  language: {
    label: 'Language',
    en: 'English',
    ru: 'Русский',
    kk: 'Қазақша',
  },
  cases: {
    title: 'Cases',
    emptyTitle: 'No cases yet',
    emptyBody:
      'Each legal proceeding — a lawsuit, a criminal or administrative case, a pre-trial claim, a summons, a detention — gets its own case file here, with its hearings, deadlines and documents.',
    privacyNote: 'Case files stay on this device. Nothing is sent anywhere.',
  },
};

export type Catalog = typeof en;
