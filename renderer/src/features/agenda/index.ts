export { AgendaView } from './AgendaView';
export { useReminders } from './use-reminders';
