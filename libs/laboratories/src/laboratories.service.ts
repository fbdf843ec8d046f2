import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern, DomainError, fieldError, notFound, Page, FIELD_RULES, SHENZHEN_TODAY } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import type { Principal } from '@app/identity';
import { normaliseCnasNumber } from './cnas-number';
import { CreateLaboratoryDto, LaboratoryQuery, ReinstateLaboratoryDto, ScopeLineDto, SuspendLaboratoryDto, UpdateLaboratoryDto } from './laboratory.dto';
import { CsvError, csvError, ImportedLaboratory, ImportedScopeLine, parseLaboratoryCsv } from './laboratory-csv';
import { LaboratoryAction, laboratoryMachine, LaboratoryStatus } from './laboratory.machines';
import { LaboratoryImportView, LaboratorySummary, LaboratorySuspensionView, LaboratoryView, ScopeLineView } from './laboratory.view';
import { SUSPENSIONS_JSON } from './suspensions';

const SUMMARY_COLUMNS = `l.id, l.cnas_number AS "cnasNumber", l.name_zh AS "nameZh", l.name_en AS "nameEn", l.address,
  l.accredited_from AS "accreditedFrom", l.accredited_until AS "accreditedUntil", l.status,
  (SELECT count(*)::int FROM laboratory_scope_lines s WHERE s.laboratory_id = l.id) AS "scopeLineCount"`;

/** A scope line from the API (optional fields left out) or from a file (empty cells as null). */
type ScopeLineInput = { [K in keyof ImportedScopeLine]: ImportedScopeLine[K] | undefined };

/** Scope lines are written in one statement (unnest), so an import of thousands is a handful of round trips. */
async function insertScopeLines(tx: EntityManager, laboratoryId: string, lines: (ScopeLineInput | ScopeLineDto)[], firstPosition = 1): Promise<void> {
  if (!lines.length) return;
  const column = (k: keyof ScopeLineInput) => lines.map((l) => l[k] ?? null);
  await tx.query(
    `INSERT INTO laboratory_scope_lines (laboratory_id, position, object_tested, parameter_zh, parameter_en, standard_code, clause, limits)
     SELECT $1, $2 + ord - 1, o, pz, pe, sc, cl, li
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS t(o, pz, pe, sc, cl, li, ord)`,
    [
      laboratoryId,
      firstPosition,
      column('objectTested'),
      column('parameterZh'),
      column('parameterEn'),
      column('standardCode'),
      column('clause'),
      column('limits'),
    ],
  );
}

/**
 * The register of testing laboratories (CNAS accredited), kept by the regulator and read by every
 * signed-in user: the auditor picks the laboratory of a test report from it.
 */
@Injectable()
export class LaboratoriesService {
  constructor(private readonly db: DataSource) {}

  async create(dto: CreateLaboratoryDto): Promise<LaboratoryView> {
    const cnasNumber = this.cnasNumber(dto.cnasNumber);
    if (dto.accreditedUntil < dto.accreditedFrom)
      throw fieldError(
        'VALIDATION_FAILED',
        'accreditedUntil',
        `is before accreditedFrom (${dto.accreditedFrom})`,
        FIELD_RULES.notBefore('accreditedFrom', dto.accreditedFrom),
      );
    const id = await this.db.transaction(async (tx) => {
      const [existing] = await tx.query(`SELECT id FROM laboratories WHERE cnas_number = $1`, [cnasNumber]);
      if (existing) throw fieldError('ALREADY_EXISTS', 'cnasNumber', `${cnasNumber} is in the register already (laboratory ${existing.id})`);
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO laboratories (cnas_number, name_zh, name_en, address, accredited_from, accredited_until)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [cnasNumber, dto.nameZh, dto.nameEn ?? null, dto.address, dto.accreditedFrom, dto.accreditedUntil],
      );
      await insertScopeLines(tx, row.id, dto.scopeLines);
      return row.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<LaboratoryView> {
    const [lab]: (LaboratorySummary & { suspensions: LaboratorySuspensionView[] })[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, ${SUSPENSIONS_JSON('l')} AS suspensions FROM laboratories l WHERE l.id = $1`,
      [id],
    );
    if (!lab) throw notFound('laboratory', id);
    const scopeLines: ScopeLineView[] = await this.db.query(
      `SELECT id, object_tested AS "objectTested", parameter_zh AS "parameterZh", parameter_en AS "parameterEn",
              standard_code AS "standardCode", clause, limits
         FROM laboratory_scope_lines WHERE laboratory_id = $1 ORDER BY position`,
      [id],
    );
    return { ...lab, scopeLines, allowedActions: laboratoryMachine.allowedActions(lab.status) };
  }

  /** Found by its CNAS number in any written form ("CNAS L0235", "L0235"). */
  async byCnasNumber(input: string): Promise<LaboratoryView> {
    const cnasNumber = normaliseCnasNumber(input);
    const [row] = cnasNumber ? await this.db.query(`SELECT id FROM laboratories WHERE cnas_number = $1`, [cnasNumber]) : [];
    if (!row) throw notFound('laboratory', input);
    return this.get(row.id);
  }

  /**
   * By name first. The search is ILIKE on names, numbers and scope parameters: the register holds
   * hundreds of laboratories, not millions, and the route is for signed-in users, so a scan of it is
   * cheaper than an index to keep; and ILIKE finds a 2-character Chinese term, which a trigram would not.
   */
  list(q: LaboratoryQuery): Promise<Page<LaboratorySummary>> {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (q.status) where.push(`l.status = $${params.push(q.status)}`);
    if (q.q) {
      const p = `$${params.push(containsPattern(q.q.trim()))}`;
      where.push(`(l.cnas_number ILIKE ${p} OR l.name_zh ILIKE ${p} OR l.name_en ILIKE ${p}
        OR EXISTS (SELECT 1 FROM laboratory_scope_lines s WHERE s.laboratory_id = l.id
                     AND (s.parameter_zh ILIKE ${p} OR s.parameter_en ILIKE ${p} OR s.standard_code ILIKE ${p})))`);
    }
    return pagedQuery<LaboratorySummary>(
      this.db,
      { select: `SELECT ${SUMMARY_COLUMNS} FROM laboratories l`, countFrom: 'laboratories l', where: where.join(' AND '), orderBy: 'l.name_zh, l.id', params },
      q,
    );
  }

  update(id: string, dto: UpdateLaboratoryDto): Promise<LaboratoryView> {
    return this.change(id, 'edit', async (tx, lab) => {
      const from = dto.accreditedFrom ?? lab.accredited_from;
      const until = dto.accreditedUntil ?? lab.accredited_until;
      if (until < from)
        throw fieldError('VALIDATION_FAILED', 'accreditedUntil', `is before accreditedFrom (${from})`, FIELD_RULES.notBefore('accreditedFrom', from));
      await tx.query(
        `UPDATE laboratories SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en), address = coalesce($4, address),
                accredited_from = $5, accredited_until = $6 WHERE id = $1`,
        [id, dto.nameZh ?? null, dto.nameEn ?? null, dto.address ?? null, from, until],
      );
    });
  }

  addScopeLines(id: string, lines: ScopeLineDto[]): Promise<LaboratoryView> {
    return this.change(id, 'edit', async (tx) => {
      const [{ next }] = await tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM laboratory_scope_lines WHERE laboratory_id = $1`, [id]);
      await insertScopeLines(tx, id, lines, next);
    });
  }

  removeScopeLine(id: string, lineId: string): Promise<LaboratoryView> {
    return this.change(id, 'edit', async (tx) => {
      const [, count] = await tx.query(`DELETE FROM laboratory_scope_lines WHERE id = $1 AND laboratory_id = $2`, [lineId, id]);
      if (!count) throw notFound('scope line of this laboratory', lineId);
    });
  }

  /**
   * CNAS suspended the accreditation from `dto.from`: an open period is recorded, and reports dated
   * from that day are refused. The day has happened (not after today in Shenzhen) and does not fall
   * within an earlier period: periods never overlap, so a report date lies in one at most.
   */
  suspend(caller: Principal, id: string, dto: SuspendLaboratoryDto): Promise<LaboratoryView> {
    return this.change(id, 'suspend', async (tx) => {
      const [{ today, lastUntil }] = await tx.query(
        `SELECT ${SHENZHEN_TODAY}::text AS today,
                (SELECT max(suspended_until)::text FROM laboratory_suspensions WHERE laboratory_id = $1) AS "lastUntil"`,
        [id],
      );
      if (dto.from > today)
        throw fieldError('VALIDATION_FAILED', 'from', `${dto.from} is after today (${today}): give the day CNAS suspended it`, FIELD_RULES.notFuture());
      if (lastUntil && dto.from < lastUntil)
        throw fieldError(
          'VALIDATION_FAILED',
          'from',
          `is before ${lastUntil}, when its previous suspension ended`,
          FIELD_RULES.notBefore('previousSuspensionUntil', lastUntil),
        );
      await tx.query(`INSERT INTO laboratory_suspensions (laboratory_id, suspended_from, reason, recorded_by) VALUES ($1, $2, $3, $4)`, [
        id,
        dto.from,
        dto.reason.trim(),
        caller.userId,
      ]);
    });
  }

  /**
   * CNAS reinstated it: the open period ends the day before `dto.from`, the first day accredited
   * again, which comes after the suspension's first day (a period of at least a day) and has happened.
   */
  reinstate(caller: Principal, id: string, dto: ReinstateLaboratoryDto): Promise<LaboratoryView> {
    return this.change(id, 'reinstate', async (tx) => {
      const [row] = await tx.query(
        `SELECT ${SHENZHEN_TODAY}::text AS today, s.id, s.suspended_from::text AS "suspendedFrom"
           FROM (SELECT 1) one LEFT JOIN laboratory_suspensions s ON s.laboratory_id = $1 AND s.suspended_until IS NULL`,
        [id],
      );
      if (dto.from > row.today)
        throw fieldError('VALIDATION_FAILED', 'from', `${dto.from} is after today (${row.today}): give the day CNAS reinstated it`, FIELD_RULES.notFuture());
      // Every suspended laboratory has its open period (suspend, the import and the migration write one).
      if (!row.id) throw new Error(`laboratory ${id} is suspended with no open suspension period`);
      if (dto.from <= row.suspendedFrom)
        throw fieldError(
          'VALIDATION_FAILED',
          'from',
          `is not after ${row.suspendedFrom}, the first day of the suspension`,
          FIELD_RULES.after('suspendedFrom', row.suspendedFrom),
        );
      await tx.query(`UPDATE laboratory_suspensions SET suspended_until = $2, ended_by = $3, ended_at = now() WHERE id = $1`, [
        row.id,
        dto.from,
        caller.userId,
      ]);
    });
  }

  /** CNAS withdrew it for good; a suspension it was under stays open (it never became accredited again). */
  withdraw(id: string): Promise<LaboratoryView> {
    return this.change(id, 'withdraw', async () => undefined);
  }

  /**
   * A CSV file of the register, validated whole before anything is written, then written in one
   * transaction: a laboratory new to the register is added, one already in it is updated and its
   * scope lines replaced by the file's (the file is the laboratory's current scope). A withdrawn
   * laboratory is not brought back by a file: that row is an error like any other.
   */
  async import(caller: Principal, content: Buffer): Promise<LaboratoryImportView> {
    const { laboratories, errors } = parseLaboratoryCsv(content);
    if (errors.length) throw importRefused(errors);
    return this.db.transaction(async (tx) => {
      // Locked in one order (by number), so two imports of overlapping files cannot deadlock.
      const sorted = [...laboratories].sort((a, b) => a.cnasNumber.localeCompare(b.cnasNumber));
      const existing: { id: string; cnas_number: string; status: LaboratoryStatus }[] = await tx.query(
        `SELECT id, cnas_number, status FROM laboratories WHERE cnas_number = ANY($1) ORDER BY cnas_number FOR UPDATE`,
        [sorted.map((l) => l.cnasNumber)],
      );
      const byNumber = new Map(existing.map((e) => [e.cnas_number, e]));
      const withdrawn = sorted.filter((l) => byNumber.get(l.cnasNumber)?.status === 'withdrawn');
      if (withdrawn.length) {
        throw importRefused(withdrawn.map((l) => csvError(l.line, 'cnas_number', 'withdrawn', { cnasNumber: l.cnasNumber })));
      }
      const summary: LaboratoryImportView = { created: [], updated: [], scopeLines: 0 };
      for (const lab of sorted) {
        const known = byNumber.get(lab.cnasNumber);
        const id = known ? await this.overwrite(tx, known.id, lab) : await this.insertImported(tx, lab);
        await insertScopeLines(tx, id, lab.scopeLines);
        await keepSuspensionPeriod(tx, caller, id, known?.status, lab.status);
        (known ? summary.updated : summary.created).push(lab.cnasNumber);
        summary.scopeLines += lab.scopeLines.length;
      }
      return summary;
    });
  }

  private async insertImported(tx: EntityManager, lab: ImportedLaboratory): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO laboratories (cnas_number, name_zh, name_en, address, accredited_from, accredited_until, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [lab.cnasNumber, lab.nameZh, lab.nameEn, lab.address, lab.accreditedFrom, lab.accreditedUntil, lab.status],
    );
    return row.id;
  }

  /** The file mirrors the CNAS register, so its status is taken as it stands (suspensions come from CNAS, not from us). */
  private async overwrite(tx: EntityManager, id: string, lab: ImportedLaboratory): Promise<string> {
    await tx.query(
      `UPDATE laboratories SET name_zh = $2, name_en = $3, address = $4, accredited_from = $5, accredited_until = $6, status = $7,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, lab.nameZh, lab.nameEn, lab.address, lab.accreditedFrom, lab.accreditedUntil, lab.status],
    );
    await tx.query(`DELETE FROM laboratory_scope_lines WHERE laboratory_id = $1`, [id]);
    return id;
  }

  private cnasNumber(input: string): string {
    const n = normaliseCnasNumber(input);
    if (!n) throw fieldError('VALIDATION_FAILED', 'cnasNumber', 'must be L and 4 digits, e.g. "CNAS L0235" or "L0235"');
    return n;
  }

  /** A change of one laboratory: locked, allowed in its state, versioned. */
  private async change(
    id: string,
    action: LaboratoryAction,
    work: (tx: EntityManager, lab: { status: LaboratoryStatus; accredited_from: string; accredited_until: string }) => Promise<void>,
  ): Promise<LaboratoryView> {
    await this.db.transaction(async (tx) => {
      const [lab] = await tx.query(`SELECT status, accredited_from, accredited_until FROM laboratories WHERE id = $1 FOR UPDATE`, [id]);
      if (!lab) throw notFound('laboratory', id);
      const to = laboratoryMachine.next(lab.status, action);
      await work(tx, lab);
      await tx.query(`UPDATE laboratories SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, to]);
    });
    return this.get(id);
  }
}

/**
 * A file gives a status and no dates: a laboratory it suspends is taken as suspended from today
 * (Shenzhen), and one it reinstates as accredited again from today, so that the status and the open
 * period agree (a suspended laboratory has one open period, an accredited one none). A withdrawn
 * laboratory keeps the period it was under, as the API's withdrawal does.
 */
async function keepSuspensionPeriod(tx: EntityManager, caller: Principal, id: string, was: LaboratoryStatus | undefined, now: LaboratoryStatus) {
  if (now === 'suspended' && was !== 'suspended') {
    await tx.query(
      `INSERT INTO laboratory_suspensions (laboratory_id, suspended_from, reason, recorded_by)
       VALUES ($1, ${SHENZHEN_TODAY}, 'suspended in the CNAS register file imported on ' || ${SHENZHEN_TODAY}::text, $2)`,
      [id, caller.userId],
    );
  } else if (now === 'accredited' && was === 'suspended') {
    // The open period may have started today (GREATEST keeps the CHECK until >= from): then it is empty.
    await tx.query(
      `UPDATE laboratory_suspensions SET suspended_until = GREATEST(${SHENZHEN_TODAY}, suspended_from), ended_by = $2, ended_at = now()
        WHERE laboratory_id = $1 AND suspended_until IS NULL`,
      [id, caller.userId],
    );
  }
}

/** A refused import: 400 with every error by line and column, and the fields in the usual shape (the column per line). */
function importRefused(errors: CsvError[]): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `the file was not imported: ${errors.length} error(s), the first on line ${errors[0].line}${errors[0].column ? ` (${errors[0].column})` : ''}: ${errors[0].message}`,
    { errors },
    errors.map((e) => ({ field: `file:${e.line}${e.column ? `:${e.column}` : ''}`, reasons: [e.message] })),
  );
}
