export { AgendaView } from './AgendaView';
export { useReminders } from './use-reminders';
export { exportIcs } from './export-ics';
