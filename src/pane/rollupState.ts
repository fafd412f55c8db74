/**
 * The 汇总多个单位… panel's state, kept beside the pane's reducer (state.ts delegates here):
 * choose the year, the roster and the files; then the list (verdicts, units to chase) and the
 * preview of what goes into the open workbook.
 */
import type { RollupResult, RosterUnit } from "../workflow/rollup";
import type { AppliedRollup, RollupWritePreview } from "../workflow/rollup/apply";

export interface RollupRoster {
  file: string;
  units: RosterUnit[];
}

export type RollupPanel =
  | {
      step: "choose";
      year: number;
      roster: RollupRoster | null;
      /** What is being read ("3 / 12 份"), while it is. */
      reading: string | null;
      error: string | null;
    }
  | {
      step: "list";
      year: number;
      roster: RollupRoster | null;
      files: number;
      result: RollupResult;
      preview: RollupWritePreview;
      /** Conflict keys the clerk ticked (none by default). */
      accepted: readonly string[];
      busy: boolean;
    };

export interface RollupSlice {
  rollup: RollupPanel | null;
  /** The last 汇总 written, while it can be undone. */
  rollupApplied: AppliedRollup | null;
  /** Keys changed since that 汇总, named by the 撤销 that stopped for them. */
  rollupUndoChanged: readonly string[];
}

export const initialRollup: RollupSlice = { rollup: null, rollupApplied: null, rollupUndoChanged: [] };

export type RollupAction =
  | { type: "rollup"; panel: RollupPanel | null }
  | { type: "rollupToggle"; key: string }
  | { type: "rollupApplied"; applied: AppliedRollup | null }
  | { type: "rollupUndoChanged"; keys: string[] };

export function rollupReducer<S extends RollupSlice>(state: S, action: RollupAction): S {
  switch (action.type) {
    case "rollup":
      return { ...state, rollup: action.panel };
    case "rollupToggle": {
      const p = state.rollup;
      if (p?.step !== "list") return state;
      const accepted = p.accepted.includes(action.key) ? p.accepted.filter((k) => k !== action.key) : [...p.accepted, action.key];
      return { ...state, rollup: { ...p, accepted } };
    }
    case "rollupApplied":
      return { ...state, rollupApplied: action.applied, rollupUndoChanged: [] };
    case "rollupUndoChanged":
      return { ...state, rollupUndoChanged: action.keys };
  }
}
