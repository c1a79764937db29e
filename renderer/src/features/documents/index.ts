export { DocumentsPanel } from './DocumentsPanel';
export { documentKind } from './document-kind';
