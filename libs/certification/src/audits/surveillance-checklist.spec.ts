import { rotation, surveillancesPerValidity } from './surveillance-checklist';

const reqs = (pattern: string) => [...pattern].map((c, i) => ({ id: `r${i}`, critical: c === 'C' }));

describe('surveillance checklist rotation', () => {
  it('plans one surveillance per interval before the renewal', () => {
    expect(surveillancesPerValidity(12)).toBe(2);
    expect(surveillancesPerValidity(6)).toBe(5);
    expect(surveillancesPerValidity(36)).toBe(1);
  });

  it.each([12, 6, 18, 36])('checks every critical requirement each time and every requirement once over the validity (%i months)', (interval) => {
    const all = reqs('CoooCooooo');
    const seen = new Set<string>();
    for (let cycle = 1; cycle <= surveillancesPerValidity(interval); cycle++) {
      const ids = rotation(all, cycle, interval);
      expect(ids).toEqual(expect.arrayContaining(['r0', 'r4']));
      if (surveillancesPerValidity(interval) > 1) expect(ids.length).toBeLessThan(all.length);
      ids.forEach((id) => seen.add(id));
    }
    expect(seen.size).toBe(all.length);
  });
});
