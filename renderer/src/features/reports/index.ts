export { ReportsView } from './ReportsView';
