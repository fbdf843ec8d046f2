import {
  commitmentOf,
  DrawImpossible,
  drawInspection,
  DrawInput,
  DrawStream,
  partialShuffle,
  PopulationInspector,
  PopulationTarget,
  RiskClass,
  sampleSize,
  uniformBelow,
} from './inspection-draw';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const enterprise = (n: number) => uuid('e', n);

const targets: PopulationTarget[] = Array.from({ length: 40 }, (_, n) => ({
  id: uuid('a', n),
  kind: (['declaration', 'certificate', 'holder'] as const)[n % 3],
  subjectId: uuid('b', n),
  enterpriseId: enterprise(n % 10),
  riskClass: (['A', 'B', 'C', 'D'] as const)[n % 4],
}));
const inspectors: PopulationInspector[] = Array.from({ length: 6 }, (_, n) => ({
  id: uuid('c', n),
  name: `检查员${n}`,
  unit: '深圳市市场监督管理局',
  badgeNumber: `SZ-${n}`,
  // Inspector 0 is conflicted with enterprises 0–4, inspector 1 with every enterprise.
  conflicts: n === 0 ? [0, 1, 2, 3, 4].map(enterprise) : n === 1 ? Array.from({ length: 10 }, (_, e) => enterprise(e)) : [],
}));
const input: DrawInput = { seed: SEED, targets, inspectors, rates: { A: 100, B: 50, C: 10, D: 0 }, inspectorsPerTarget: 2 };

/** A stream that hands out the given words, in order. */
const words = (...values: number[]) => {
  let i = 0;
  return () => values[i++];
};

describe('inspection draw', () => {
  it('is a function of its input: the same seed and population give the same draw, another seed another', () => {
    const first = drawInspection(input);
    expect(drawInspection(structuredClone(input))).toEqual(first);
    // The population's order as given does not matter: it is sorted by id first.
    expect(drawInspection({ ...input, targets: [...targets].reverse(), inspectors: [...inspectors].reverse() })).toEqual(first);
    expect(drawInspection({ ...input, seed: SEED.replace(/^00/, '01') })).not.toEqual(first);
  });

  it('draws ceil(rate × class size) targets per risk class, each at most once', () => {
    const drawn = drawInspection(input);
    const count = (c: RiskClass) => drawn.filter((d) => d.riskClass === c).length;
    // Each class has 10 targets.
    expect([count('A'), count('B'), count('C'), count('D')]).toEqual([10, 5, 1, 0]);
    expect(new Set(drawn.map((d) => d.targetId)).size).toBe(drawn.length);
    for (const d of drawn) expect(targets.find((t) => t.id === d.targetId)?.riskClass).toBe(d.riskClass);
    expect([sampleSize(0, 7), sampleSize(1, 7), sampleSize(14, 7), sampleSize(15, 7), sampleSize(100, 7), sampleSize(33, 0)]).toEqual([0, 1, 1, 2, 7, 0]);
  });

  it('gives each target the asked number of distinct inspectors, never one with a conflict with its enterprise', () => {
    const drawn = drawInspection({ ...input, inspectorsPerTarget: 3 });
    expect(drawn.length).toBeGreaterThan(0);
    for (const d of drawn) {
      const target = targets.find((t) => t.id === d.targetId)!;
      expect(d.inspectorIds).toHaveLength(3);
      expect(new Set(d.inspectorIds).size).toBe(3);
      for (const id of d.inspectorIds) expect(inspectors.find((i) => i.id === id)!.conflicts).not.toContain(target.enterpriseId);
    }
    expect(drawn.flatMap((d) => d.inspectorIds)).not.toContain(inspectors[1].id);
    // Inspector 0 is free for enterprises 5–9 only, and is drawn somewhere there.
    expect(drawn.some((d) => d.inspectorIds.includes(inspectors[0].id))).toBe(true);
  });

  it('refuses a draw with too few unconflicted inspectors, naming the target', () => {
    // Enterprises 0–4 have 4 free inspectors (2–5), 5–9 have 5.
    expect(() => drawInspection({ ...input, inspectorsPerTarget: 5 })).toThrow(DrawImpossible);
    try {
      drawInspection({ ...input, inspectorsPerTarget: 5 });
    } catch (e) {
      const target = targets.find((t) => t.id === (e as DrawImpossible).targetId)!;
      expect(Number(target.enterpriseId.slice(-1))).toBeLessThan(5);
      expect((e as Error).message).toContain(target.id);
    }
  });

  it('rejects the words above the largest multiple of n instead of reducing them modulo n', () => {
    // 2^32 mod 3 = 1: 0xFFFFFFFF is the one word that would favour 0; it is skipped.
    expect(uniformBelow(words(0xffffffff, 5), 3)).toBe(2);
    // For n = 2^31 + 1 every word at or above 2^31 + 1 is rejected (about half of them).
    expect(uniformBelow(words(0x80000001, 0xfffffffe, 7), 0x80000001)).toBe(7);
    expect(uniformBelow(words(0xfffffffe), 0xffffffff)).toBe(0xfffffffe);
    expect(() => uniformBelow(words(1), 0)).toThrow();
  });

  it('draws every position about equally often over many seeds', () => {
    const n = 5;
    const counts = new Array(n).fill(0);
    const stream = new DrawStream(SEED, 'bias-check');
    for (let i = 0; i < 50_000; i++) counts[uniformBelow(() => stream.nextUint32(), n)]++;
    // Expected 10,000 each; a chi-square above 20 (4 degrees of freedom) has odds below 1 in 2,000.
    const chi = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(20);
  });

  it('shuffles partially without touching its input: k distinct items of the list', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(partialShuffle(list, 2, words(3, 0))).toEqual(['d', 'b']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('streams SHA-256 blocks of the seed, the label and a counter, 8 words a block', () => {
    const a = new DrawStream(SEED, 'targets/A');
    const first = Array.from({ length: 9 }, () => a.nextUint32());
    expect(new Set(first).size).toBe(9);
    const b = new DrawStream(SEED, 'targets/B');
    expect(b.nextUint32()).not.toBe(first[0]);
    expect(() => new DrawStream('abcd', 'x')).toThrow('32 bytes');
    expect(commitmentOf(SEED)).toMatch(/^[0-9a-f]{64}$/);
  });
});
