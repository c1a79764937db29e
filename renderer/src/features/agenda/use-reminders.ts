import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderMoment } from '../../../../shared/agenda/agenda';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';

const CHECK_EVERY_MS = 30_000;

/**
 * While the vault is unlocked, shows each due reminder once: at unlock for those that fell due
 * while the app was closed or locked, then as they come. What was shown is kept, encrypted, in
 * the vault settings. Without notification permission, the Agenda still lists what is due.
 *
 * A notification leaves the app: the OS keeps it in its history (macOS's notification database,
 * Windows' wpndatabase.db, GNOME's list) and shows it on a lock screen. So by default it names
 * nothing, only that something is due; what is due and for which case goes into it only when the
 * user has turned on `reminderDetails` in Settings, which says so.
 */
export function useReminders(active: boolean): void {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  useEffect(() => {
    if (!active) return;
    const check = () => {
      const { cases, settings, markReminded } = useVaultStore.getState();
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const moment = `${todayCivil(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
      const shown = new Set(settings.notifiedReminders);
      const due: Array<{ key: string; title: string; body: string }> = [];
      for (const view of cases) {
        for (const deadline of view.record.deadlines) {
          const at = reminderMoment(deadline);
          if (deadline.done || at === null || at > moment) continue;
          const key = `${deadline.id}@${at}`;
          if (shown.has(key)) continue;
          due.push({
            key,
            title: t('agenda.reminderTitle', { what: deadline.what }),
            body: t('agenda.reminderBody', {
              due: `${formatCivilDate(deadline.due, uiLanguageOf(i18n.language), { weekday: true })}${
                deadline.time ? ` ${deadline.time}` : ''
              }`,
              title: view.record.title,
            }),
          });
        }
      }
      if (due.length === 0) return;
      const notices = settings.reminderDetails
        ? due
        : [
            {
              title: t('agenda.reminderPrivateTitle'),
              body:
                due.length === 1
                  ? t('agenda.reminderPrivateOne')
                  : t('agenda.reminderPrivateMany', { count: due.length }),
            },
          ];
      void Promise.all(notices.map((notice) => platform.notify(notice.title, notice.body))).then(() =>
        markReminded(due.map((reminder) => reminder.key)),
      );
    };
    check();
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [active, platform, t, i18n.language]);
}
