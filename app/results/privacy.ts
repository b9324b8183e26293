/**
 * Breakdowns by participant group, district and language never show a cell of fewer than a
 * minimum number of distinct participants (docs/decisions/007-results-aggregation-and-revisions.md).
 */
const defaultMinGroupSize = 5;

/** `MIN_GROUP_SIZE` in the environment overrides the default; below 2 would single people out. */
export function minGroupSize(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.MIN_GROUP_SIZE);
  return Number.isInteger(configured) && configured >= 2 ? configured : defaultMinGroupSize;
}

export type RawCell<F> = { key: string | null; participants: number; figures: F };

/**
 * The suppressed cells become one row without a label: neither which groups were too small nor
 * their sizes or figures, since a label alone (a district typed as an address) can single out.
 */
export type Cell<F> = { suppressed: true } | ({ key: string | null; suppressed: false; participants: number } & F);

/**
 * Suppresses every cell below the minimum, then, if any was suppressed, further cells (smallest
 * first) until at least two are suppressed and they hold at least the minimum together: the
 * suppressed figures can then not be recovered by subtracting the shown cells from the total.
 */
export function suppressSmallCells<F>(cells: RawCell<F>[], minimum: number): Cell<F>[] {
  // Runs for every breakdown of a whole session (~9,000): plain loops, and the search for more
  // cells to suppress only where the small ones alone are not enough.
  const hidden = new Set<RawCell<F>>();
  let hiddenTotal = 0;
  for (const cell of cells) {
    if (cell.participants >= minimum) continue;
    hidden.add(cell);
    hiddenTotal += cell.participants;
  }
  if (hidden.size === 0) return cells.map(shown);
  if (hidden.size < 2 || hiddenTotal < minimum) {
    const bySize = [...cells].sort((a, b) => a.participants - b.participants || String(a.key).localeCompare(String(b.key)));
    for (const cell of bySize) {
      if (hidden.size >= 2 && hiddenTotal >= minimum) break;
      if (hidden.has(cell)) continue;
      hidden.add(cell);
      hiddenTotal += cell.participants;
    }
  }
  const result: Cell<F>[] = [];
  for (const cell of cells) if (!hidden.has(cell)) result.push(shown(cell));
  result.push({ suppressed: true });
  return result;
}

function shown<F>(cell: RawCell<F>): Cell<F> {
  return { key: cell.key, suppressed: false, participants: cell.participants, ...cell.figures };
}
