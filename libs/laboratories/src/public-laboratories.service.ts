import { Injectable } from '@nestjs/common';
import { fieldError, notFound, Page, FIELD_RULES } from '@app/shared';
import { pagedQuery, PublicReads } from '@app/persistence';
import { CNAS_NUMBER_MESSAGE, normaliseCnasNumber } from './cnas-number';
import { PublicLaboratoryQuery, PublicScopeLineQuery } from './laboratory.dto';
import { PUBLIC_LABORATORY_STATUSES } from './laboratory.machines';
import { PublicLaboratorySummary, PublicLaboratoryView, PublicScopeLineView } from './laboratory.view';
import { SUSPENSIONS_JSON } from './suspensions';

const PUBLIC_COLUMNS = `l.cnas_number AS "cnasNumber", l.name_zh AS "nameZh", l.name_en AS "nameEn",
  l.accredited_from AS "accreditedFrom", l.accredited_until AS "accreditedUntil", l.status`;

/**
 * A laboratory's searchable text (`l`): CNAS number and names, lower-cased. Exactly the expression
 * of the GIN index ix__laboratories__search (migration 1764193300000), so the planner can use it.
 */
const LABORATORY_SEARCH_TEXT = (l: string) => `lower(${l}.cnas_number || ' ' || ${l}.name_zh || ' ' || coalesce(${l}.name_en, ''))`;

/** Only the laboratories the public register shows (a withdrawn one is gone from it). */
const SHOWN = `l.status IN (${PUBLIC_LABORATORY_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The laboratory register as anyone may read it (accredited and suspended laboratories, by CNAS
 * number), on the public pool under its statement timeout. Unlike the signed-in register's scan,
 * the search goes through the bigram index: a public route must not scan on every request.
 */
@Injectable()
export class PublicLaboratoriesService {
  constructor(private readonly reads: PublicReads) {}

  list(q: PublicLaboratoryQuery): Promise<Page<PublicLaboratorySummary>> {
    const params: unknown[] = [];
    const where = [SHOWN];
    if (q.status) where.push(`l.status = $${params.push(q.status)}`);
    if (q.q !== undefined) {
      const cnasNumber = normaliseCnasNumber(q.q);
      if (cnasNumber) {
        // A whole CNAS number ("CNAS L0235", "l0235"): its unique index.
        where.push(`l.cnas_number = $${params.push(cnasNumber)}`);
      } else {
        const term = q.q.trim().toLowerCase();
        if (!/\S\S/u.test(term)) throw fieldError('VALIDATION_FAILED', 'q', 'q needs two adjacent characters that are not spaces', FIELD_RULES.searchTerm());
        const p = params.push(term);
        where.push(`szs_bigrams(${LABORATORY_SEARCH_TEXT('l')}) @> szs_bigrams($${p}) AND strpos(${LABORATORY_SEARCH_TEXT('l')}, $${p}) > 0`);
      }
    }
    return pagedQuery<PublicLaboratorySummary>(
      this.reads,
      { select: `SELECT ${PUBLIC_COLUMNS} FROM laboratories l`, countFrom: 'laboratories l', where: where.join(' AND '), orderBy: 'l.name_zh, l.id', params },
      q,
    );
  }

  /**
   * One laboratory by its CNAS number in any written form, with how many scope lines it has and its
   * suspension periods (a handful, read in the same statement); a withdrawn or unknown one is a 404.
   */
  async get(input: string): Promise<PublicLaboratoryView> {
    const cnasNumber = this.cnasNumberOf(input);
    const [lab] = await this.reads.query<PublicLaboratoryView>(
      `SELECT ${PUBLIC_COLUMNS}, (SELECT count(*)::int FROM laboratory_scope_lines s WHERE s.laboratory_id = l.id) AS "scopeLineCount",
              ${SUSPENSIONS_JSON('l')} AS suspensions
         FROM laboratories l WHERE l.cnas_number = $1 AND ${SHOWN}`,
      [cnasNumber],
    );
    if (!lab) throw notFound('laboratory', cnasNumber);
    return lab;
  }

  /**
   * A page of a shown laboratory's scope lines in the register's order. An import may give one
   * laboratory thousands (up to a file's 5,000), so they are paged like any public list; the search
   * reads only that laboratory's lines (its index on laboratory and position), never the whole table.
   */
  async scopeLines(input: string, q: PublicScopeLineQuery): Promise<Page<PublicScopeLineView>> {
    const cnasNumber = this.cnasNumberOf(input);
    const [lab] = await this.reads.query<{ id: string }>(`SELECT l.id FROM laboratories l WHERE l.cnas_number = $1 AND ${SHOWN}`, [cnasNumber]);
    if (!lab) throw notFound('laboratory', cnasNumber);
    const params: unknown[] = [lab.id];
    const where = ['s.laboratory_id = $1'];
    const term = q.q?.trim().toLowerCase();
    if (term) {
      where.push(
        `strpos(lower(s.parameter_zh || ' ' || coalesce(s.parameter_en, '') || ' ' || s.object_tested || ' ' || s.standard_code), $${params.push(term)}) > 0`,
      );
    }
    return pagedQuery<PublicScopeLineView>(
      this.reads,
      {
        select: `SELECT s.object_tested AS "objectTested", s.parameter_zh AS "parameterZh", s.parameter_en AS "parameterEn",
                        s.standard_code AS "standardCode", s.clause, s.limits
                   FROM laboratory_scope_lines s`,
        countFrom: 'laboratory_scope_lines s',
        where: where.join(' AND '),
        orderBy: 's.position, s.id',
        params,
      },
      q,
    );
  }

  private cnasNumberOf(input: string): string {
    const cnasNumber = normaliseCnasNumber(input);
    if (!cnasNumber) throw fieldError('VALIDATION_FAILED', 'cnasNumber', CNAS_NUMBER_MESSAGE);
    return cnasNumber;
  }
}
