export { AgendaView } from './AgendaView';
export { useReminders } from './use-reminders';
export { hasAnythingNext, TodayView } from './TodayView';
