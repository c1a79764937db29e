import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import { agendaGroup, agendaItems, type AgendaCase, type AgendaGroup } from '../../../../shared/agenda/agenda';
import type { CaseHead } from '../../../../shared/domain/case-head';
import { todayCivil, type CivilDate } from '../../../../shared/domain/civil-date';
import { exportIcs, usePlatform } from '../../platform';
import { caseViewsOf, useVaultStore } from '../../stores/vault-store';
import { AgendaItems, DoneAnnouncement } from './AgendaItems';
import { SavedNotice } from '../../components/SavedNotice';
import type { SaveFileResult } from '../../platform';

const GROUPS: readonly AgendaGroup[] = ['overdue', 'today', 'this-week', 'next-week', 'later'];

/** Hearings and open deadlines across all cases by calendar week: overdue, today, this week, next week, later. */
export function AgendaView({ onOpenCase }: { readonly onOpenCase: () => void }) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const cases = useVaultStore((s) => s.cases);
  const today = todayCivil();
  const items = useMemo(() => agendaItems(agendaCases(cases, today), today), [cases, today]);
  const [done, setDone] = useState<string | null>(null);
  const [saved, setSaved] = useState<SaveFileResult | null>(null);

  return (
    <section aria-labelledby="agenda-title" className="agenda">
      <div className="view-header">
        <h1 id="agenda-title">{t('agenda.title')}</h1>
        <button
          type="button"
          className="secondary"
          onClick={() => void exportIcs(platform, items, t('agenda.title'), 'qorgau-agenda.ics').then(setSaved)}
        >
          {t('agenda.export')}
        </button>
      </div>
      <DoneAnnouncement what={done} />
      <SavedNotice result={saved} />
      {items.length === 0 ? <p>{t('agenda.empty')}</p> : null}
      {GROUPS.map((group) => {
        const inGroup = items.filter((item) => agendaGroup(item.date, today) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`agenda-${group}`} className={`agenda-group ${group}`}>
            <h2 id={`agenda-${group}`}>
              {t(`agenda.group.${group}`)} <span className="count">({inGroup.length})</span>
            </h2>
            <AgendaItems items={inGroup} onOpenCase={onOpenCase} year={today.slice(0, 4)} onDone={setDone} />
          </section>
        );
      })}
    </section>
  );
}

/**
 * The cases as the agenda reads them: deadlines come with every head; a hearing's time and place
 * are read from the few cases that have one coming.
 */
export function agendaCases(heads: readonly CaseHead[], today: CivilDate): AgendaCase[] {
  const withHearings = heads.filter((head) =>
    head.timeline.some((e) => e.kind === 'hearing' && !e.monthOnly && e.date >= today),
  );
  const whole = new Map(caseViewsOf(withHearings).map((view) => [view.caseTag, view]));
  return heads.map((head) => whole.get(head.caseTag) ?? { ...head, entries: [] });
}
