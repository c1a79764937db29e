import { useEffect, useMemo, useState } from 'react';
import { markTiming } from '../../../../shared/app/timing';
import { useTranslation } from 'react-i18next';
import { agendaGroup, agendaItems, type AgendaGroup } from '../../../../shared/agenda/agenda';
import { formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';
import { todayCivil, type CivilDate } from '../../../../shared/domain/civil-date';
import type { CaseHead } from '../../../../shared/domain/case-head';
import { useVaultStore } from '../../stores/vault-store';
import { agendaCases } from './AgendaView';
import { AgendaItems, DoneAnnouncement } from './AgendaItems';

const SHOWN: readonly AgendaGroup[] = ['overdue', 'today', 'this-week', 'next-week'];

/**
 * The first screen after unlock: what is overdue, what is today, and what comes this week and
 * next (hearings and deadlines across all cases), each with its case; a deadline is marked done
 * here. Everything later is under Agenda.
 */
export function TodayView(props: { readonly onOpenCase: () => void; readonly onAgenda: () => void }) {
  const { t, i18n } = useTranslation();
  const cases = useVaultStore((s) => s.cases);
  const today = todayCivil();
  const items = useMemo(() => agendaItems(agendaCases(cases, today), today), [cases, today]);
  const shown = items.filter((item) => SHOWN.includes(agendaGroup(item.date, today)));
  const later = items.length - shown.length;
  const [done, setDone] = useState<string | null>(null);
  // What the benchmark's "open" measures to: the first screen after unlock, drawn.
  useEffect(() => {
    requestAnimationFrame(() => markTiming('qorgau:first-screen'));
  }, []);
  return (
    <section aria-labelledby="today-title" className="agenda today">
      <div className="view-header">
        <h1 id="today-title">{t('today.title')}</h1>
        <p className="muted">{formatCivilDate(today, uiLanguageOf(i18n.language), { weekday: true })}</p>
      </div>
      <DoneAnnouncement what={done} />
      {shown.length === 0 ? <p>{t('today.empty')}</p> : null}
      {SHOWN.map((group) => {
        const inGroup = shown.filter((item) => agendaGroup(item.date, today) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`today-${group}`} className={`agenda-group ${group}`}>
            <h2 id={`today-${group}`}>
              {t(`agenda.group.${group}`)} <span className="count">({inGroup.length})</span>
            </h2>
            <AgendaItems items={inGroup} onOpenCase={props.onOpenCase} year={today.slice(0, 4)} onDone={setDone} />
          </section>
        );
      })}
      {later > 0 ? (
        <p>
          <button type="button" className="link-button" onClick={props.onAgenda}>
            {t('today.later', { count: later })}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/**
 * Whether the Today view has anything to show: an open deadline up to the end of next week
 * (overdue ones too), or a hearing from today to then. Read from the heads alone (no case is
 * decrypted whole for it), so it can decide the first screen at unlock.
 */
export function hasAnythingNext(heads: readonly CaseHead[], today: CivilDate): boolean {
  const shown = (date: CivilDate) => SHOWN.includes(agendaGroup(date, today));
  return heads.some(
    (head) =>
      head.record.deadlines.some((deadline) => !deadline.done && shown(deadline.due)) ||
      head.timeline.some(
        (mark) => mark.kind === 'hearing' && !mark.monthOnly && mark.date >= today && shown(mark.date),
      ),
  );
}
