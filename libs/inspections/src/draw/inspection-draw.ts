import { createHash } from 'node:crypto';

/**
 * The draw of a random inspection plan (双随机: random targets, random inspectors), as a pure function
 * of what the platform publishes: the seed (after the draw), the frozen population of targets and
 * inspectors, the sampling rates and the inspectors per target. Anyone can re-run it from the public
 * JSON of a plan and must get the same result; docs/inspection-draw.md states it for re-implementation.
 */
export const DRAW_ALGORITHM = 'szs-inspection-draw/1';

export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** A target as frozen at commit; the keys in this order are the canonical form that is hashed. */
export interface PopulationTarget {
  id: string;
  kind: 'declaration' | 'certificate' | 'holder';
  subjectId: string;
  enterpriseId: string;
  riskClass: RiskClass;
}

/** An active inspector as frozen at commit, with the enterprises they declared a conflict with (sorted). */
export interface PopulationInspector {
  id: string;
  name: string;
  unit: string;
  badgeNumber: string;
  conflicts: string[];
}

export interface DrawInput {
  /** 32 bytes, as 64 lowercase hex digits. */
  seed: string;
  targets: PopulationTarget[];
  inspectors: PopulationInspector[];
  /** Per risk class, whole percent 0–100. */
  rates: Record<RiskClass, number>;
  inspectorsPerTarget: number;
}

export interface DrawnTarget {
  targetId: string;
  riskClass: RiskClass;
  inspectorIds: string[];
}

/** Not enough inspectors free of conflict for a target: the draw cannot be made (422 naming it). */
export class DrawImpossible extends Error {
  constructor(
    readonly targetId: string,
    readonly eligible: number,
    readonly needed: number,
  ) {
    super(`target ${targetId}: only ${eligible} active inspector(s) without a declared conflict, ${needed} needed`);
    this.name = 'DrawImpossible';
  }
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The commitment published before the draw: SHA-256 of the 32 seed bytes. */
export const commitmentOf = (seedHex: string): string => sha256Hex(Buffer.from(seedHex, 'hex'));

/** The canonical JSON (keys in the interface's order, no whitespace) whose SHA-256 is published. */
export const populationHash = (targets: PopulationTarget[]): string =>
  sha256Hex(JSON.stringify(targets.map((t) => ({ id: t.id, kind: t.kind, subjectId: t.subjectId, enterpriseId: t.enterpriseId, riskClass: t.riskClass }))));

export const inspectorsHash = (inspectors: PopulationInspector[]): string =>
  sha256Hex(JSON.stringify(inspectors.map((i) => ({ id: i.id, name: i.name, unit: i.unit, badgeNumber: i.badgeNumber, conflicts: i.conflicts }))));

/** Targets drawn from a class of `size` at `rate` percent: ceil(rate × size / 100), in integers. */
export const sampleSize = (rate: number, size: number): number => Math.floor((rate * size + 99) / 100);

/**
 * A deterministic byte stream for one purpose (`label`): block n is
 * SHA-256(seed ‖ uint32be(len(label)) ‖ label ‖ uint32be(n)), n = 0, 1, 2…; 32-bit draws are taken as
 * big-endian 4-byte words, in order. Separate labels make the streams independent of each other.
 */
export class DrawStream {
  private block = Buffer.alloc(0);
  private used = 0;
  private counter = 0;
  private readonly prefix: Buffer;

  constructor(seedHex: string, label: string) {
    const seed = Buffer.from(seedHex, 'hex');
    if (seed.length !== 32 || seedHex.length !== 64) throw new Error('the seed must be 32 bytes (64 hex digits)');
    const text = Buffer.from(label, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(text.length);
    this.prefix = Buffer.concat([seed, length, text]);
  }

  nextUint32(): number {
    if (this.used + 4 > this.block.length) {
      const n = Buffer.alloc(4);
      n.writeUInt32BE(this.counter++);
      this.block = createHash('sha256').update(this.prefix).update(n).digest();
      this.used = 0;
    }
    const v = this.block.readUInt32BE(this.used);
    this.used += 4;
    return v;
  }
}

const TWO_32 = 0x1_0000_0000;

/**
 * An integer uniform in [0, n): 32-bit words at or above the largest multiple of n below 2^32 are
 * rejected and drawn again, so every remainder is equally likely (a bare `x % n` would favour the
 * small ones).
 */
export function uniformBelow(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new Error(`cannot draw below ${n}`);
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** The first k of a partial Fisher–Yates shuffle of `items` (left untouched), driven by `next`. */
export function partialShuffle<T>(items: readonly T[], k: number, next: () => number): T[] {
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(next, a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The draw: for each risk class A→D, the class's targets sorted by id (code-unit order) and the first
 * ceil(rate × size / 100) of a partial Fisher–Yates from stream `targets/<class>`; then for each drawn
 * target, in that order, `inspectorsPerTarget` of the inspectors sorted by id without a conflict with
 * the target's enterprise, from stream `inspectors/<target id>`.
 */
export function drawInspection(input: DrawInput): DrawnTarget[] {
  const eligibleBase = [...input.inspectors].sort(byId);
  const out: DrawnTarget[] = [];
  for (const riskClass of RISK_CLASSES) {
    const members = input.targets.filter((t) => t.riskClass === riskClass).sort(byId);
    const k = sampleSize(input.rates[riskClass], members.length);
    const stream = new DrawStream(input.seed, `targets/${riskClass}`);
    for (const target of partialShuffle(members, k, () => stream.nextUint32())) {
      const eligible = eligibleBase.filter((i) => !i.conflicts.includes(target.enterpriseId));
      if (eligible.length < input.inspectorsPerTarget) throw new DrawImpossible(target.id, eligible.length, input.inspectorsPerTarget);
      const people = new DrawStream(input.seed, `inspectors/${target.id}`);
      const chosen = partialShuffle(eligible, input.inspectorsPerTarget, () => people.nextUint32());
      out.push({ targetId: target.id, riskClass, inspectorIds: chosen.map((i) => i.id) });
    }
  }
  return out;
}
