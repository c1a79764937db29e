import type { AgendaItem } from '../../../shared/agenda/agenda';
import { icsStamp, toIcs } from '../../../shared/agenda/ics';
import type { Platform } from './platform';

/** Saves agenda items as an .ics file (native dialog on the desktop, a download on the web). */
export async function exportIcs(
  platform: Platform,
  items: readonly AgendaItem[],
  calendarName: string,
  fileName: string,
) {
  const text = toIcs(items, { calendarName, stamp: icsStamp() });
  return platform.saveFile({
    suggestedName: fileName,
    bytes: new TextEncoder().encode(text),
    mimeType: 'text/calendar',
    filters: [{ name: 'iCalendar', extensions: ['ics'] }],
  });
}
