export { CasesView } from './CasesView';
export { resetCasesUi, useCasesUi } from './cases-ui-store';
