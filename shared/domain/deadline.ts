import { z } from 'zod';
import { isCivilDate, isLocalTime } from './civil-date';

/** How long before a deadline the reminder fires. */
export const REMINDER_OFFSETS = ['none', 'at-time', '1-hour', '1-day', '2-days', '1-week'] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

/** A date that must not be missed on a case: an appeal window, a filing, a response. */
export const deadlineSchema = z.object({
  id: z.string().min(1),
  what: z.string().trim().min(1, 'required').max(300, 'too-long'),
  due: z.string().refine(isCivilDate, 'invalid-date'),
  time: z.string().refine((value) => value === '' || isLocalTime(value), 'invalid-time'),
  reminder: z.enum(REMINDER_OFFSETS),
  done: z.boolean(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** Minutes before the due moment at which a reminder fires, or null for none. */
export function reminderMinutes(offset: ReminderOffset): number | null {
  switch (offset) {
    case 'none':
      return null;
    case 'at-time':
      return 0;
    case '1-hour':
      return 60;
    case '1-day':
      return 24 * 60;
    case '2-days':
      return 2 * 24 * 60;
    case '1-week':
      return 7 * 24 * 60;
    default: {
      const unreachable: never = offset;
      return unreachable;
    }
  }
}
