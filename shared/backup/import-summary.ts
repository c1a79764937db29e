import type { CaseMerge } from './merge';

/** What an import (a merged backup or a case package) will do, shown before anything is written. */
export type ImportSummary = {
  readonly newCases: number;
  readonly updatedCases: number;
  readonly unchangedCases: number;
  readonly entriesAdded: number;
  readonly entriesUpdated: number;
  readonly entriesRemoved: number;
  readonly documentsAdded: number;
  readonly documentsRemoved: number;
  /** Values both copies changed: the newer kept, the other written into the case history. */
  readonly conflicts: number;
  /** Report settings of quarters this vault has none for. */
  readonly reportsAdded: number;
  readonly cases: ReadonlyArray<{
    readonly caseTag: string;
    readonly title: string;
    readonly outcome: CaseMerge['outcome'];
  }>;
};
