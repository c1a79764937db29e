import type { AgendaItem } from './agenda';

/**
 * An iCalendar file (RFC 5545) of agenda items that calendar apps import. Times are floating
 * local times (no zone): a hearing at 10:00 in Almaty is at 10:00 wherever the calendar is.
 * Text is escaped and lines are folded at 75 octets as the RFC requires.
 */
export function toIcs(
  items: readonly AgendaItem[],
  options: { readonly calendarName: string; readonly stamp: string },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Qorgau//Agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const item of items) {
    const date = item.date.replace(/-/g, '');
    lines.push('BEGIN:VEVENT', `UID:${item.key.replace(/[^A-Za-z0-9:_-]/g, '')}@qorgau`, `DTSTAMP:${options.stamp}`);
    if (item.time) {
      const start = `${date}T${item.time.replace(':', '')}00`;
      lines.push(`DTSTART:${start}`, `DURATION:PT1H`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${date}`, `DURATION:P1D`);
    }
    lines.push(`SUMMARY:${escapeText(`${item.title} — ${item.caseTitle}`)}`);
    if (item.place) lines.push(`LOCATION:${escapeText(item.place)}`);
    lines.push(`CATEGORIES:${item.kind === 'hearing' ? 'HEARING' : 'DEADLINE'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** RFC 5545 TEXT escaping; control characters are dropped. */
function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r?\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
  );
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).byteLength;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A DTSTAMP value for now, in UTC. */
export function icsStamp(now: Date = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
