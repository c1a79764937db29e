import i18next from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statisticsText, type SectionModel } from '../../../../shared/report/legal-pressure-section';
import { reportLabels, translationMark } from '../../../../shared/report/locale';
import { ReportTextRuns } from '../timeline';

/**
 * The section as it will be exported: the same model the DOCX is packed from. Within a month a
 * paragraph can be moved by dragging it, with its ↑/↓ buttons, or focused with Alt+↑/↓; each
 * move is announced, and the moved paragraph keeps the focus.
 */
export function SectionPreview(props: {
  readonly model: SectionModel;
  readonly onMove: (entryId: string, to: number) => void;
}) {
  const { t } = useTranslation();
  const { model } = props;
  const empty = model.months.every((m) => m.paragraphs.length === 0);
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterMove.current === null) return;
    document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(focusAfterMove.current)}"]`)?.focus();
    focusAfterMove.current = null;
  });
  const move = (month: SectionModel['months'][number], entryId: string, to: number, keepFocus: boolean) => {
    if (to < 0 || to >= month.paragraphs.length) return;
    if (keepFocus) focusAfterMove.current = entryId;
    props.onMove(entryId, to);
    setAnnouncement(t('reports.moved', { place: to + 1, count: month.paragraphs.length, month: month.name }));
  };
  return (
    <div lang={model.language}>
      <p className="report-heading-1">{model.title}</p>
      {model.introduction.trim() ? <p className="report-paragraph">{model.introduction.trim()}</p> : null}
      {model.statistics ? <StatisticsPreview model={model} /> : null}
      {empty ? (
        <p className="muted" lang={i18next.language}>
          {model.untranslated.length > 0
            ? t('reports.emptyInLanguage', { language: t(`reportLanguage.${model.language}`) })
            : t('reports.empty')}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" lang={i18next.language}>
        {announcement}
      </p>
      {model.months.map((month) =>
        month.paragraphs.length === 0 ? null : (
          <div key={month.name}>
            <p className="report-heading-2">{month.name}</p>
            {month.paragraphs.map((paragraph, index) => (
              <div
                key={paragraph.entryId}
                className={dragged === paragraph.entryId ? 'report-row dragging' : 'report-row'}
                data-entry-id={paragraph.entryId}
                tabIndex={0}
                draggable
                aria-label={t('reports.paragraphLabel', {
                  place: index + 1,
                  count: month.paragraphs.length,
                  month: month.name,
                })}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onKeyDown={(event) => {
                  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                  event.preventDefault();
                  move(month, paragraph.entryId, index + (event.key === 'ArrowUp' ? -1 : 1), true);
                }}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', paragraph.entryId);
                  setDragged(paragraph.entryId);
                }}
                onDragEnd={() => setDragged(null)}
                onDragOver={(event) => {
                  // Only a paragraph of the same month may be dropped here.
                  if (dragged !== null && month.paragraphs.some((p) => p.entryId === dragged)) event.preventDefault();
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragged !== null) move(month, dragged, index, false);
                  setDragged(null);
                }}
              >
                <p className="report-paragraph">
                  {paragraph.translateFrom !== null ? (
                    <mark>{`${translationMark(model.language, paragraph.translateFrom)} `}</mark>
                  ) : null}
                  <ReportTextRuns runs={paragraph.runs} />
                </p>
                <div className="report-order" lang={i18next.language}>
                  <button
                    type="button"
                    className="secondary"
                    disabled={index === 0}
                    aria-label={t('reports.moveUp')}
                    onClick={() => move(month, paragraph.entryId, index - 1, false)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={index === month.paragraphs.length - 1}
                    aria-label={t('reports.moveDown')}
                    onClick={() => move(month, paragraph.entryId, index + 1, false)}
                  >
                    ↓
                  </button>
                </div>
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}

/** The optional statistics table, in the report's language, as the DOCX will have it (the same text). */
function StatisticsPreview({ model }: { readonly model: SectionModel }) {
  const text = statisticsText(model, reportLabels(model.language));
  if (text === null) return null;
  return (
    <>
      <table className="report-table">
        <thead>
          <tr>
            {text.header.map((value, index) => (
              <th scope="col" key={index}>
                {value}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {text.rows.map(([kind, ...cells]) => (
            <tr key={kind}>
              <th scope="row">{kind}</th>
              {cells.map((count, index) => (
                <td key={index}>{count}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {text.lines.map((line) => (
        <p key={line} className="report-paragraph">
          {line}
        </p>
      ))}
    </>
  );
}
