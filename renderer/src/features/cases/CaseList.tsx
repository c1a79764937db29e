import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { markTiming } from '../../../../shared/app/timing';
import { useTranslation } from 'react-i18next';
import type { QueryToken } from '../../../../shared/search/normalize';
import { Highlighted } from '../../components/Highlighted';
import { isQuick, type CaseHead } from '../../../../shared/domain/case-head';
import { nextHearing, overdueDeadlines } from './case-filters';
import { formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { regionName } from '../../../../shared/domain/places';

/** Two lines of text and a little air: ten rows fit a 1366×768 window with the filters closed. */
const ROW_HEIGHT = 50;

/**
 * The case list, virtualised: only the rows in view (plus a few) exist in the DOM, so ten
 * thousand cases scroll like ten. Each row is a button that opens the case: its title with an
 * overdue deadline flagged and the next hearing named, then kind, stage, region, people and
 * case numbers.
 */
export function CaseList(props: {
  readonly cases: readonly CaseHead[];
  readonly tokens: readonly QueryToken[];
  readonly onOpen: (caseTag: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  const today = todayCivil();
  const scroller = useRef<HTMLDivElement>(null);
  const shown = props.cases.length > 0;
  useEffect(() => {
    if (shown)
      requestAnimationFrame(() => {
        markTiming('qorgau:list-shown');
        markTiming('qorgau:first-screen');
      });
  }, [shown]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented hook
  const virtualizer = useVirtualizer({
    count: props.cases.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="case-scroller" tabIndex={-1}>
      <ul
        className="case-list"
        aria-label={t('cases.listLabel')}
        ref={(list) => list?.style.setProperty('height', `${virtualizer.getTotalSize()}px`)}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const view = props.cases[item.index];
          if (view === undefined) return null;
          const { record } = view;
          const people = record.targets
            .map((target) => [target.name, target.outlet].filter(Boolean).join(', '))
            .join('; ');
          const hearing = nextHearing(view, today);
          const overdue = overdueDeadlines(view, today);
          const regions = [...new Set(record.targets.map((target) => target.region).filter(Boolean))]
            .map((region) => regionName(region, uiLanguageOf(i18n.language)))
            .join(', ');
          const meta = [
            t(`cases.kind.${record.kind}`),
            isQuick(view) ? '' : t(`cases.stage.${record.stage}`),
            regions,
          ].filter(Boolean);
          return (
            <li
              key={view.caseTag}
              className="case-item"
              aria-setsize={props.cases.length}
              aria-posinset={item.index + 1}
              ref={(row) => row?.style.setProperty('transform', `translateY(${item.start}px)`)}
            >
              <button type="button" className="case-open" onClick={() => props.onOpen(view.caseTag)}>
                <span className="case-line">
                  <span className="case-title">
                    <Highlighted text={record.title} tokens={props.tokens} />
                  </span>
                  {overdue > 0 ? (
                    <span className="badge overdue">{t('cases.row.overdue', { count: overdue })}</span>
                  ) : null}
                  {hearing ? (
                    <span className="case-next">
                      {t('cases.row.nextHearing', {
                        date: formatCivilDate(hearing, language, {
                          weekday: true,
                          year: hearing.slice(0, 4) !== today.slice(0, 4),
                        }),
                      })}
                    </span>
                  ) : null}
                </span>
                <span className="case-meta">
                  {isQuick(view) ? <span className="badge">{t('quick.badge')}</span> : null}
                  {meta.join(' · ')}
                  {people ? ' · ' : ''}
                  {people ? <Highlighted text={people} tokens={props.tokens} /> : null}
                  {record.caseNumbers.length > 0 ? ' · ' : ''}
                  {record.caseNumbers.length > 0 ? (
                    <Highlighted text={record.caseNumbers.join(', ')} tokens={props.tokens} />
                  ) : null}
                  {record.court ? ' · ' : ''}
                  {record.court ? <Highlighted text={record.court} tokens={props.tokens} /> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
