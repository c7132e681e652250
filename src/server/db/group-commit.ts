/**
 * Group commit: items that arrive while a write is under way wait for it, then go together in the
 * next one. Alone, an item is written at once, as before; in a burst, one transaction carries many,
 * so the database does its per-transaction and per-statement work once for all of them. PGlite runs
 * one transaction at a time and PostgreSQL commits each with a flush to disk, so writing submissions
 * one by one made both wait in line (74 submissions/s on PGlite, with the database thread idle
 * between statements while it waited for the server's thread).
 */

export interface GroupCommitOptions {
  /** The most items one write carries. */
  maxItems: number;
}

/**
 * `write` gets the queued items in arrival order and answers one outcome per item, in the same order.
 * When it throws, every item of that write gets the error.
 */
export function groupCommit<Item, Outcome>(write: (items: Item[]) => Promise<Outcome[]>, options: GroupCommitOptions): (item: Item) => Promise<Outcome> {
  type Waiting = { item: Item; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, options.maxItems);
      try {
        const outcomes = await write(batch.map((waiting) => waiting.item));
        if (outcomes.length !== batch.length) throw new Error(`A group write answered ${outcomes.length} outcomes for ${batch.length} items`);
        batch.forEach((waiting, i) => waiting.resolve(outcomes[i]!));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<Outcome>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
