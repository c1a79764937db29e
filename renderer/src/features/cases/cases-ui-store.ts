import { create } from 'zustand';
import { NO_FILTERS, type CaseFilters, type CaseSort } from './case-filters';

/** Where the person is in the Cases section. Reset when the vault locks (the workspace unmounts). */
type CasesUiState = {
  readonly query: string;
  readonly filters: CaseFilters;
  readonly sort: CaseSort;
  /** The open case, or null for the list. */
  readonly openCase: string | null;
  /** An entry of the open case to open for editing (a link from the Reports screen), or null. */
  readonly openEntry: string | null;
  readonly creating: boolean;
  /** The quick-development form is open. */
  readonly creatingQuick: boolean;
  /** What the list says once, after an action that left it (a quick development recorded). */
  readonly notice: string | null;
  /** The open case was just saved: its heading takes the focus once (then this is cleared). */
  readonly savedCase: boolean;
};

export function initialCasesUiState(): CasesUiState {
  return {
    query: '',
    filters: NO_FILTERS,
    sort: 'updated',
    openCase: null,
    openEntry: null,
    creating: false,
    creatingQuick: false,
    notice: null,
    savedCase: false,
  };
}

export const useCasesUi = create<CasesUiState>()(() => initialCasesUiState());

export function resetCasesUi(): void {
  useCasesUi.setState(initialCasesUiState());
}
