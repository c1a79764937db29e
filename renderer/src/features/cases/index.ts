export { CasesView } from './CasesView';
