/**
 * Civil dates (`YYYY-MM-DD`) and quarters (`YYYY-Qn`), never `Date` objects at midnight: the
 * quarter a development belongs to must not change with the machine's time zone.
 */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** True for a real calendar day in 1900–2100 written as YYYY-MM-DD. */
export function isCivilDate(value: string): boolean {
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export type Quarter = { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 };

export function parseQuarter(value: string): Quarter | null {
  const match = QUARTER.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function formatQuarter(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.quarter}`;
}

/** The quarter before a quarter (the fourth of the year before, for a first). */
export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.quarter === 1
    ? { year: quarter.year - 1, quarter: 4 }
    : { year: quarter.year, quarter: (quarter.quarter - 1) as Quarter['quarter'] };
}

/** The quarter a civil date falls in, read from its digits alone. */
export function quarterOf(date: CivilDate): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** Whether a civil date falls in a period given as `YYYY` or `YYYY-Qn`. */
export function inPeriod(date: CivilDate, period: string): boolean {
  if (/^\d{4}$/.test(period)) return date.startsWith(`${period}-`);
  const quarter = parseQuarter(period);
  if (quarter === null) return false;
  const of = quarterOf(date);
  return of.year === quarter.year && of.quarter === quarter.quarter;
}

/** Today's civil date on this machine's calendar (what a person means by "today"). */
export function todayCivil(now: Date = new Date()): CivilDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day of the week of a civil date, 0 = Monday … 6 = Sunday (Sakamoto's method: no time zone involved). */
export function weekdayOf(date: CivilDate): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month < 3) year -= 1;
  const sunday0 =
    (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + offsets[month - 1]! + day) % 7;
  return (sunday0 + 6) % 7;
}
