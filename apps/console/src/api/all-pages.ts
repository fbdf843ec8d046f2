/** At most this many pages of a reference list are read for a picker (1,000 items at 100 a page). */
const MAX_PAGES = 10;

/**
 * Every item of a short reference list (product categories, inspection matters, agreements in force,
 * draft batches), read page by page: a picker that filters in the browser must hold all of them,
 * not the first page only.
 */
export async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await fetchPage(page);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) break;
  }
  return items;
}
