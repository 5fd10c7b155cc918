import type { Field } from './expressions.js';

/** The backfill one operation needs: its columns, the rows that need them, and what every row satisfies afterwards. */
export interface Backfill {
  table: string;
  set: { column: string; expr: string }[];
  /** The rows still wrong, in plain columns. */
  where: string;
  /** What every row satisfies once done. */
  verify: string;
  /** Whether migrate.yml's default check (each SET column equals its expression) is exactly `verify`. */
  verifyIsDefault: boolean;
}

/** What one operation adds to each phase. */
export interface CompiledOp {
  expand: string[];
  backfill?: Backfill;
  contract: string[];
}

/** What an operation is compiled with: where it is in the file, and the table it acts on. */
export interface OpContext {
  file: string;
  migrationId: string;
  /** 1-based position in `changes`, for generated names. */
  n: number;
  table: string;
  field: (name: string) => Field;
}
