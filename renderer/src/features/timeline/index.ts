export { Timeline } from './Timeline';
export { ReportTextRuns } from './ReportTextPreview';
