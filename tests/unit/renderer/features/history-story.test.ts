import i18next from 'i18next';
import { initTestI18n } from '../../../fixtures/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyLines } from '../../../../renderer/src/features/cases/history-story';
import { emptyCaseFields, type HistoryEvent } from '../../../../shared/domain/case';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { diffFields } from '../../../../shared/domain/history';
import { emptyEntryFields } from '../../../../shared/domain/entry';

beforeAll(async () => {
  await initTestI18n('en');
});

const AT = '2026-07-14T09:30:00.000Z';
const target = {
  id: 'EpMoOG1',
  name: 'Лукпан Ахмедьяров',
  role: 'journalist' as const,
  outlet: 'Уральская неделя',
  gender: 'male' as const,
  region: 'west-kazakhstan',
  anonymityRequired: false,
};
const before = {
  ...emptyCaseFields('civil-lawsuit'),
  stage: 'first-instance' as const,
  targets: [target],
  tags: ['аккредитация'],
};
const after = {
  ...before,
  stage: 'appeal' as const,
  targets: [{ ...target, outlet: 'Орда' }],
  tags: ['аккредитация', 'клевета'],
  claimedKzt: 50_000_000,
  privilegedNotes: 'тайна',
  legalBasis: [{ code: 'criminal-code' as const, article: '147', part: '5' }],
};
const entry = { ...emptyEntryFields('2026-07-14'), kind: 'hearing' as const, place: 'Суд' };

/** Every kind of event the History tab shows, as the vault records them. */
const history: HistoryEvent[] = [
  { at: AT, action: 'case-created', changes: [] },
  { at: AT, action: 'case-updated', changes: diffFields(before, after) },
  { at: AT, action: 'entry-added', entryId: 'e1', changes: diffFields({}, entry) },
  {
    at: AT,
    action: 'entry-updated',
    entryId: 'e1',
    changes: diffFields(entry, {
      ...entry,
      includeInReport: true,
      reportTexts: { ...entry.reportTexts, ru: 'Текст' },
      time: '16:00',
    }),
  },
  {
    at: AT,
    action: 'deadline-added',
    deadlineId: 'd1',
    changes: diffFields(
      {},
      { id: 'd1', what: 'Апелляция', due: '2026-07-20', time: '', reminder: '1-day', done: false },
    ),
  },
  { at: AT, action: 'deadline-updated', deadlineId: 'd1', changes: [{ field: 'done', before: false, after: true }] },
  {
    at: AT,
    action: 'attachment-added',
    attachmentId: 'a1',
    changes: [{ field: 'attachment', before: null, after: `Иск.pdf (1258291 B, SHA-256 ${'ab'.repeat(32)})` }],
  },
  {
    at: AT,
    action: 'attachment-deleted',
    attachmentId: 'a1',
    changes: [{ field: 'attachment', before: 'Иск.pdf', after: null }],
  },
  { at: AT, action: 'case-updated', changes: [{ field: 'aFieldOfANewerVersion', before: 'x', after: 'y' }] },
];
const view: CaseFile = {
  caseTag: 'c1',
  record: { ...after, createdAt: AT, updatedAt: AT, history, deadlines: [], quick: false },
  entries: [],
  attachments: [],
};

describe('History in people’s words', () => {
  it('tells each event as a sentence in English', async () => {
    await i18next.changeLanguage('en');
    const text = historyLines(view, i18next.t, 'en')
      .map((line) => [line.headline, ...line.details].join('\n'))
      .join('\n');
    for (const said of [
      'Stage: First instance → Appeal',
      'Лукпан Ахмедьяров — Outlet: «Уральская неделя» → «Орда»',
      'Tags: added «клевета»',
      'Amount claimed: (empty) → 50,000,000 ₸',
      'Legal basis and court: added Article 147(5) of the Criminal Code',
      'Privileged notes changed (not shown here)',
      'Hearing on 14 July 2026 added',
      'Report text in Russian written',
      'Deadline “Апелляция” marked done',
      'Hearing on 14 July 2026 edited',
      'Document “Иск.pdf” added, 1.2 MB',
      'Document “Иск.pdf” deleted',
      'Another field: «x» → «y»',
    ])
      expect(text).toContain(said);
    expect(text).not.toContain('тайна');
  });

  it.each(['en', 'ru', 'kk'] as const)(
    'shows no code, JSON or field id in %s, and no English in ru and kk',
    async (language) => {
      await i18next.changeLanguage(language);
      const lines = historyLines(view, i18next.t, language);
      const text = lines.map((line) => [line.when, line.headline, ...line.details].join('\n')).join('\n');
      expect(text).not.toMatch(/[[\]{}_]|\b[a-z]+-[a-z]+\b|\b(true|false|null|undefined)\b|\d+ B\b|EpMoOG1/);
      expect(lines[0]!.when).toMatch(/^14 /);
      if (language !== 'en') expect(text.replace(/«[^»]*»|“[^”]*”/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    },
  );
});
