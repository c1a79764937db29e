import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderMoment } from '../../../../shared/agenda/agenda';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';

const CHECK_EVERY_MS = 30_000;

/**
 * While the vault is unlocked, shows each due reminder once: at unlock for those that fell due
 * while the app was closed or locked, then as they come. What was shown is kept, encrypted, in
 * the vault settings. Without notification permission, the Agenda still lists what is due.
 */
export function useReminders(active: boolean): void {
  const { t } = useTranslation();
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
              due: `${deadline.due}${deadline.time ? ` ${deadline.time}` : ''}`,
              title: view.record.title,
            }),
          });
        }
      }
      if (due.length === 0) return;
      void Promise.all(due.map((reminder) => platform.notify(reminder.title, reminder.body))).then(() =>
        markReminded(due.map((reminder) => reminder.key)),
      );
    };
    check();
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [active, platform, t]);
}
