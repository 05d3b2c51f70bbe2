/**
 * One way every writing command stays all-or-nothing: each step that changes the spreadsheet
 * says how to undo it; if a later step fails, the steps done are undone in reverse order and the
 * error goes on to the user. So "nothing was changed halfway" is true for every command.
 */
export class Transaction {
  private readonly undos: (() => void)[] = [];

  /** Runs a change; `undo` puts it back if a later step fails. */
  step<T>(run: () => T, undo?: (result: T) => void): T {
    const result = run();
    if (undo) this.undos.push(() => undo(result));
    return result;
  }

  /** Undoes what was done, newest first; an undo that fails does not stop the others. */
  rollback(): void {
    while (this.undos.length > 0) {
      const undo = this.undos.pop() as () => void;
      try {
        undo();
      } catch {
        // Best effort: the original error is what the user is told.
      }
    }
  }
}

/** The transaction running now, if any: a command called by another joins the caller's. */
let current: Transaction | null = null;

/**
 * Runs `fn` as one transaction: on any error, what it did is undone and the error rethrown.
 * Called inside another transaction (the import runs the check), it joins that one, so a failure
 * later in the outer command undoes the inner command's steps too.
 */
export function transact<T>(fn: (tx: Transaction) => T): T {
  if (current) return fn(current);
  const tx = new Transaction();
  current = tx;
  try {
    return fn(tx);
  } catch (e) {
    tx.rollback();
    throw e;
  } finally {
    current = null;
  }
}
