export { CasesView } from './CasesView';
export { resetCasesUi } from './cases-ui-store';
