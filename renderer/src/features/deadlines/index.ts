export { DeadlinesPanel } from './DeadlinesPanel';
