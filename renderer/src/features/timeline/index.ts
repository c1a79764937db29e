export { Timeline } from './Timeline';
export { ReportTextRuns } from './ReportTextPreview';
export { ReportTextsField } from './ReportTextsField';
export { ParagraphDrafts } from './ParagraphDrafts';
