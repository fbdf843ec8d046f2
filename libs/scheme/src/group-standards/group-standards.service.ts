import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fieldError, notFound, Page, SHENZHEN_TODAY, FIELD_RULES } from '@app/shared';
import { pagedQuery } from '@app/persistence';
import { isRegulator, Principal } from '@app/identity';
import { requirementProblems } from '../standards/requirement-rules';
import { RequirementDto } from '../standards/standard.dto';
import { assertCategoriesExist } from '../categories/known-categories';
import { changeStandard } from '../standards/standards.service';
import {
  AdvancednessEvaluationDto,
  AnswerCommentDto,
  CreateGroupStandardDto,
  GroupStandardQuery,
  OpenCommentDto,
  PublicCommentDto,
  PublishGroupStandardDto,
  RegisterGroupCodeDto,
} from './group-standard.dto';
import {
  DRAFT_TEXT_PRIVATE,
  GroupStandardAction,
  groupStandardMachine,
  GroupStandardStatus,
  MIN_COMMENT_DAYS,
  REVIEW_INTERVAL_YEARS,
} from './group-standard.machine';
import { GroupCodeView, GroupStandardSummary, GroupStandardView, PublicCommentReceipt } from './group-standard.view';

/** The lifecycle actions a person takes with a note (and, for some, more: see the DTOs). */
export type GroupStandardStep = Exclude<GroupStandardAction, 'edit_requirements' | 'comment' | 'supersede'>;

/** Who reads a group standard: its association (and the regulator) see everything; the public what is out. */
type Audience = { kind: 'staff'; caller: Principal } | { kind: 'public' };

const SUMMARY_SELECT = `
  SELECT g.id, g.number, g.status, g.title_zh AS "titleZh", g.title_en AS "titleEn",
         jsonb_build_object('id', o.id, 'nameZh', o.name_zh, 'nameEn', o.name_en, 'groupCode', gc.code) AS association,
         g.ics, g.ccs, g.category_codes AS "categoryCodes", g.full_text_open AS "fullTextOpen",
         g.proposed_on::text AS "proposedOn", g.approved_on::text AS "approvedOn", g.comment_from::text AS "commentFrom",
         g.comment_to::text AS "commentTo", g.published_on::text AS "publishedOn", g.implementation_on::text AS "implementationOn",
         g.withdrawn_on::text AS "withdrawnOn", g.last_review_on::text AS "lastReviewOn",
         CASE WHEN g.status IN ('published', 'review')
              THEN (coalesce(g.last_review_on, g.published_on) + interval '${REVIEW_INTERVAL_YEARS} years')::date::text END AS "reviewDueOn"
    FROM group_standards g JOIN group_codes gc ON gc.organization_id = g.organization_id JOIN organizations o ON o.id = g.organization_id`;

/** What the caller may see: its own association's, everything for the regulator. */
function staffScope(caller: Principal, params: unknown[]): string {
  return isRegulator(caller) ? 'TRUE' : `g.organization_id = $${params.push(caller.organizationId)}`;
}

/**
 * Group standards (团体标准) run by associations: the group code, the lifecycle from proposal to
 * review, requirements drafted, public comments answered, the regulator's advancedness evaluation,
 * and, on publication, the `standards` row that catalogue entries and certificates name.
 */
@Injectable()
export class GroupStandardsService {
  constructor(private readonly db: DataSource) {}

  /** An association registers its group code once; a code is unique on the platform. */
  async registerCode(caller: Principal, dto: RegisterGroupCodeDto): Promise<GroupCodeView> {
    await this.db.transaction(async (tx) => {
      const [mine] = await tx.query(`SELECT code FROM group_codes WHERE organization_id = $1`, [caller.organizationId]);
      if (mine) {
        throw new DomainError('ALREADY_EXISTS', `your association registered its group code ${mine.code} already: a group code is registered once`, {
          code: mine.code,
        });
      }
      const [taken] = await tx.query(`SELECT 1 FROM group_codes WHERE code = $1`, [dto.code]);
      if (taken) throw fieldError('ALREADY_EXISTS', 'code', `group code ${dto.code} is taken by another association`);
      await tx.query(`INSERT INTO group_codes (organization_id, code) VALUES ($1, $2)`, [caller.organizationId, dto.code]);
    });
    const [view] = await this.codes(caller, caller.organizationId);
    return view;
  }

  /** The caller's group code, or every association's for the regulator. */
  async codes(caller: Principal, organizationId?: string): Promise<GroupCodeView[]> {
    const params: unknown[] = [];
    const where = [isRegulator(caller) ? 'TRUE' : `gc.organization_id = $${params.push(caller.organizationId)}`];
    if (organizationId) where.push(`gc.organization_id = $${params.push(organizationId)}`);
    return this.db.query(
      `SELECT gc.organization_id AS "organizationId", o.name_zh AS "organizationNameZh", gc.code, gc.created_at AS "createdAt"
         FROM group_codes gc JOIN organizations o ON o.id = gc.organization_id WHERE ${where.join(' AND ')} ORDER BY gc.code LIMIT 1000`,
      params,
    );
  }

  /** The associations with a group code, for the public directory's filter. */
  async publicAssociations(): Promise<{ id: string; nameZh: string; nameEn: string | null; groupCode: string }[]> {
    return this.db.query(
      `SELECT o.id, o.name_zh AS "nameZh", o.name_en AS "nameEn", gc.code AS "groupCode"
         FROM group_codes gc JOIN organizations o ON o.id = gc.organization_id ORDER BY gc.code LIMIT 1000`,
    );
  }

  /** A proposal: the association needs its group code first (the number is made of it). */
  async propose(caller: Principal, dto: CreateGroupStandardDto): Promise<GroupStandardView> {
    const id = await this.db.transaction(async (tx) => {
      const [code] = await tx.query(`SELECT code FROM group_codes WHERE organization_id = $1`, [caller.organizationId]);
      if (!code)
        throw new DomainError('RULE_VIOLATION', 'register your group code first (POST /api/v1/group-codes): the standard number is made of it', {
          rule: 'group_code_first',
        });
      await assertCategoriesExist(tx, 'categoryCodes', dto.categoryCodes);
      const [row] = await tx.query(
        `INSERT INTO group_standards (organization_id, title_zh, title_en, scope, ics, ccs, category_codes, full_text_open, summary, proposed_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${SHENZHEN_TODAY}) RETURNING id`,
        [
          caller.organizationId,
          dto.titleZh,
          dto.titleEn ?? null,
          dto.scope,
          dto.ics ?? null,
          dto.ccs ?? null,
          dto.categoryCodes,
          dto.fullTextOpen,
          dto.summary ?? null,
        ],
      );
      await recordEvent(tx, row.id, 'propose', null, 'proposed', caller, null);
      return row.id as string;
    });
    return this.get(caller, id);
  }

  async list(caller: Principal, q: GroupStandardQuery): Promise<Page<GroupStandardSummary>> {
    const params: unknown[] = [];
    return this.page([staffScope(caller, params)], params, q);
  }

  /** The public directory: everything past proposal (立项 is announced), filters and 2-character search. */
  async listPublic(q: GroupStandardQuery): Promise<Page<GroupStandardSummary>> {
    return this.page([`g.status <> 'proposed'`], [], q);
  }

  async get(caller: Principal, id: string): Promise<GroupStandardView> {
    return this.view({ kind: 'staff', caller }, id);
  }

  async getPublic(id: string): Promise<GroupStandardView> {
    return this.view({ kind: 'public' }, id);
  }

  /** The requirements, replaced as a whole while drafting. */
  async replaceRequirements(caller: Principal, id: string, requirements: RequirementDto[]): Promise<GroupStandardView> {
    const problems = requirementProblems(requirements);
    if (problems.length) {
      const summary = problems.map((p) => `${p.field}: ${p.reasons.join('; ')}`).join(' | ');
      throw new DomainError('VALIDATION_FAILED', `Invalid input — ${summary}`, undefined, problems);
    }
    await this.db.transaction(async (tx) => {
      const g = await lockOwn(tx, caller, id);
      groupStandardMachine.next(g.status, 'edit_requirements');
      await tx.query(`DELETE FROM group_standard_requirements WHERE group_standard_id = $1`, [id]);
      await insertRequirements(tx, id, requirements);
      await tx.query(`UPDATE group_standards SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    });
    return this.get(caller, id);
  }

  /**
   * One step of the lifecycle, with its history entry, in one transaction. `revise` answers with the
   * new version (in drafting); every other step with the standard itself.
   */
  async step(caller: Principal, id: string, action: GroupStandardStep, dto: OpenCommentDto & Partial<PublishGroupStandardDto>): Promise<GroupStandardView> {
    const result = await this.db.transaction(async (tx) => {
      const g = await lockOwn(tx, caller, id);
      const to = groupStandardMachine.next(g.status, action);
      const set: string[] = [];
      const params: unknown[] = [id];
      let answerId = id;
      switch (action) {
        case 'approve':
          set.push(`approved_on = ${SHENZHEN_TODAY}`);
          break;
        case 'open_comment': {
          await requireRequirements(tx, id, 'open the draft for comment');
          const days = dto.commentDays ?? MIN_COMMENT_DAYS;
          set.push(`comment_days = $${params.push(days)}`, `comment_from = ${SHENZHEN_TODAY}`, `comment_to = ${SHENZHEN_TODAY} + $${params.length}::int - 1`);
          break;
        }
        case 'close_comment': {
          const [state] = await tx.query(
            `SELECT comment_to::text AS "commentTo", comment_to >= ${SHENZHEN_TODAY} AS open,
                    (SELECT count(*)::int FROM group_standard_comments c WHERE c.group_standard_id = $1 AND c.answer IS NULL) AS unanswered
               FROM group_standards WHERE id = $1`,
            [id],
          );
          if (state.open)
            throw new DomainError('RULE_VIOLATION', `the comment period runs until ${state.commentTo}: close it after that day`, {
              rule: 'comment_period_open',
              commentTo: state.commentTo,
            });
          if (state.unanswered)
            throw new DomainError('RULE_VIOLATION', `${state.unanswered} comment(s) still unanswered: answer every comment first`, {
              rule: 'comments_unanswered',
              unanswered: state.unanswered,
            });
          break;
        }
        case 'publish':
          set.push(...(await this.publish(tx, caller, g, dto as PublishGroupStandardDto, params)));
          break;
        case 'confirm':
          set.push(`last_review_on = ${SHENZHEN_TODAY}`);
          break;
        case 'revise':
          answerId = await this.startRevision(tx, caller, id, dto.note ?? null);
          break;
        case 'withdraw':
          set.push(`withdrawn_on = ${SHENZHEN_TODAY}`);
          // The standards row goes too, and with it the flag on every certificate that relies on it.
          await changeStandard(tx, g.standard_id, 'withdraw');
          break;
        default:
          break;
      }
      await tx.query(
        `UPDATE group_standards SET ${[`status = $${params.push(to)}`, ...set, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
        params,
      );
      await recordEvent(tx, id, action, g.status, to, caller, dto.note ?? null);
      return answerId;
    });
    return this.get(caller, result);
  }

  /** Anyone comments on a clause of the draft while its comment period is open (Shenzhen dates, both ends included). */
  async comment(id: string, dto: PublicCommentDto): Promise<PublicCommentReceipt> {
    return this.db.transaction(async (tx) => {
      const [g] = await tx.query(
        `SELECT g.status, g.comment_from::text AS "commentFrom", g.comment_to::text AS "commentTo",
                ${SHENZHEN_TODAY} BETWEEN g.comment_from AND g.comment_to AS open
           FROM group_standards g WHERE g.id = $1 AND g.status <> 'proposed' FOR SHARE`,
        [id],
      );
      if (!g) throw notFound('group standard', id);
      groupStandardMachine.next(g.status, 'comment');
      if (!g.open) {
        throw new DomainError('ILLEGAL_TRANSITION', `the comment period is ${g.commentFrom} to ${g.commentTo}: comments are taken only then`, {
          state: g.status,
          commentFrom: g.commentFrom,
          commentTo: g.commentTo,
        });
      }
      const [clause] = await tx.query(`SELECT 1 FROM group_standard_requirements WHERE group_standard_id = $1 AND clause = $2`, [id, dto.clause]);
      if (!clause) throw fieldError('VALIDATION_FAILED', 'clause', `the draft has no clause ${dto.clause}`);
      const [row] = await tx.query(
        `INSERT INTO group_standard_comments (group_standard_id, clause, text, commenter_name, commenter_email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [id, dto.clause, dto.text, dto.name ?? null, dto.email ?? null],
      );
      return { id: row.id, clause: dto.clause, commentTo: g.commentTo };
    });
  }

  /** The association answers each comment once, while the comment period or technical review lasts. */
  async answer(caller: Principal, id: string, commentId: string, dto: AnswerCommentDto): Promise<GroupStandardView> {
    await this.db.transaction(async (tx) => {
      const g = await lockOwn(tx, caller, id);
      if (!['public_comment', 'technical_review'].includes(g.status)) {
        throw new DomainError('ILLEGAL_TRANSITION', `group standard is '${g.status}': comments are answered during 'public_comment' or 'technical_review'`, {
          state: g.status,
        });
      }
      const [c] = await tx.query(`SELECT answer FROM group_standard_comments WHERE id = $1 AND group_standard_id = $2 FOR UPDATE`, [commentId, id]);
      if (!c) throw notFound('comment', commentId);
      if (c.answer) throw new DomainError('ILLEGAL_TRANSITION', `comment ${commentId} is answered already (${c.answer})`, { state: 'answered' });
      await tx.query(`UPDATE group_standard_comments SET answer = $2, reply = $3, answered_at = now(), answered_by_user_id = $4 WHERE id = $1`, [
        commentId,
        dto.answer,
        dto.reply,
        caller.userId,
      ]);
    });
    return this.get(caller, id);
  }

  /** The regulator's advancedness evaluation (先进性评价) of a published group standard: what lets it into a catalogue entry. */
  async evaluate(caller: Principal, id: string, dto: AdvancednessEvaluationDto): Promise<GroupStandardView> {
    await this.db.transaction(async (tx) => {
      const [g] = await tx.query(`SELECT status, standard_id, ${SHENZHEN_TODAY}::text AS today FROM group_standards WHERE id = $1 FOR UPDATE`, [id]);
      if (!g) throw notFound('group standard', id);
      if (!['published', 'review'].includes(g.status)) {
        throw new DomainError('ILLEGAL_TRANSITION', `group standard is '${g.status}': only a published one is evaluated`, {
          aggregate: 'group standard',
          state: g.status,
        });
      }
      if (dto.evaluatedOn > g.today) throw fieldError('VALIDATION_FAILED', 'evaluatedOn', `${dto.evaluatedOn} is in the future`, FIELD_RULES.notFuture());
      await tx.query(`INSERT INTO advancedness_evaluations (standard_id, outcome, evaluated_on, summary, recorded_by_user_id) VALUES ($1, $2, $3, $4, $5)`, [
        g.standard_id,
        dto.outcome,
        dto.evaluatedOn,
        dto.summary,
        caller.userId,
      ]);
    });
    return this.get(caller, id);
  }

  /**
   * Publication: the number (T/<group code> <sequence>—<year>), and the `standards` row (kind
   * group, code `T/<group code> <sequence>`, version `<year>`) with its categories and requirements.
   * The sequence runs on per association across years rather than restarting each year, so that the
   * code names one standard through all its versions: a revision keeps its predecessor's sequence,
   * and the existing transition (which finds the new version by code) follows it. A revision's
   * publication supersedes the old version through the standards' one supersede path.
   */
  private async publish(tx: EntityManager, caller: Principal, g: LockedGroupStandard, dto: PublishGroupStandardDto, params: unknown[]): Promise<string[]> {
    await requireRequirements(tx, g.id, 'publish');
    const [today] = await tx.query(`SELECT ${SHENZHEN_TODAY}::text AS day, extract(year FROM ${SHENZHEN_TODAY})::int AS year`);
    if (dto.implementationDate < today.day) {
      throw fieldError(
        'VALIDATION_FAILED',
        'implementationDate',
        `the implementation date may not be before the publication date (${today.day})`,
        FIELD_RULES.notBefore('publicationDate', today.day),
      );
    }
    const [{ code: groupCode, name_zh: issuer }] = await tx.query(
      `SELECT gc.code, o.name_zh FROM group_codes gc JOIN organizations o ON o.id = gc.organization_id WHERE gc.organization_id = $1`,
      [g.organization_id],
    );
    // Sequences are handed out under the association's group code row lock: two publications take turns.
    await tx.query(`SELECT 1 FROM group_codes WHERE organization_id = $1 FOR UPDATE`, [g.organization_id]);
    let sequence: number;
    let old: { id: string; standard_id: string; status: GroupStandardStatus; sequence: number } | undefined;
    if (g.revises_id) {
      [old] = await tx.query(`SELECT id, standard_id, status, sequence FROM group_standards WHERE id = $1 FOR UPDATE`, [g.revises_id]);
      sequence = old!.sequence;
    } else {
      const [next] = await tx.query(`SELECT coalesce(max(sequence), 0) + 1 AS n FROM group_standards WHERE organization_id = $1`, [g.organization_id]);
      sequence = next.n;
    }
    const code = `T/${groupCode} ${String(sequence).padStart(3, '0')}`;
    const number = `${code}—${today.year}`;
    const [taken] = await tx.query(`SELECT 1 FROM group_standards WHERE number = $1`, [number]);
    if (taken) throw new DomainError('ALREADY_EXISTS', `${number} exists already: a standard has one version a year`, { number });
    const [standard] = await tx.query(
      `INSERT INTO standards (code, version, title_zh, title_en, kind, issuer, issuer_organization_id, status, published_on)
       SELECT $2, $3, title_zh, title_en, 'group', $4, organization_id, 'current', ${SHENZHEN_TODAY} FROM group_standards WHERE id = $1 RETURNING id`,
      [g.id, code, String(today.year), issuer],
    );
    await tx.query(`INSERT INTO standard_categories (standard_id, category_code) SELECT $1, unnest(category_codes) FROM group_standards WHERE id = $2`, [
      standard.id,
      g.id,
    ]);
    await tx.query(
      `INSERT INTO requirements (standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
       SELECT $1, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical FROM group_standard_requirements WHERE group_standard_id = $2`,
      [standard.id, g.id],
    );
    if (old) {
      const to = groupStandardMachine.next(old.status, 'supersede');
      await tx.query(`UPDATE group_standards SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [old.id, to]);
      await recordEvent(tx, old.id, 'supersede', old.status, to, caller, `superseded by ${number}`);
      await changeStandard(tx, old.standard_id, 'supersede');
    }
    return [
      `sequence = $${params.push(sequence)}`,
      `year = $${params.push(today.year)}`,
      `number = $${params.push(number)}`,
      `standard_id = $${params.push(standard.id)}`,
      `published_on = ${SHENZHEN_TODAY}`,
      `implementation_on = $${params.push(dto.implementationDate)}::date`,
    ];
  }

  /** 复审 → revise: a new version in drafting, with the old one's record and requirements to start from. */
  private async startRevision(tx: EntityManager, caller: Principal, id: string, note: string | null): Promise<string> {
    const [existing] = await tx.query(`SELECT id FROM group_standards WHERE revises_id = $1`, [id]);
    if (existing) throw new DomainError('ALREADY_EXISTS', `group standard ${id} has a revision already (${existing.id})`, { revisionId: existing.id });
    const [row] = await tx.query(
      `INSERT INTO group_standards (organization_id, status, title_zh, title_en, scope, ics, ccs, category_codes, full_text_open, summary,
                                    proposed_on, approved_on, revises_id)
       SELECT organization_id, 'drafting', title_zh, title_en, scope, ics, ccs, category_codes, full_text_open, summary,
              ${SHENZHEN_TODAY}, ${SHENZHEN_TODAY}, id FROM group_standards WHERE id = $1 RETURNING id`,
      [id],
    );
    await tx.query(
      `INSERT INTO group_standard_requirements (group_standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
       SELECT $1, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical FROM group_standard_requirements WHERE group_standard_id = $2`,
      [row.id, id],
    );
    await recordEvent(tx, row.id, 'revise', null, 'drafting', caller, note);
    return row.id;
  }

  private async page(where: string[], params: unknown[], q: GroupStandardQuery): Promise<Page<GroupStandardSummary>> {
    if (q.status) where.push(`g.status = $${params.push(q.status)}`);
    if (q.associationId) where.push(`g.organization_id = $${params.push(q.associationId)}`);
    if (q.q) {
      // Any 2 characters: the bigram index narrows, strpos keeps the rows that really hold the text.
      const p = params.push(q.q.toLowerCase());
      where.push(`g.search_bigrams @> szs_bigrams($${p}) AND strpos(g.search_text, $${p}) > 0`);
    }
    return pagedQuery<GroupStandardSummary>(
      this.db,
      { select: SUMMARY_SELECT, countFrom: 'group_standards g', where: where.join(' AND '), orderBy: 'g.created_at DESC, g.id', params },
      q,
    );
  }

  private async view(audience: Audience, id: string): Promise<GroupStandardView> {
    const params: unknown[] = [id];
    const scope = audience.kind === 'staff' ? staffScope(audience.caller, params) : `g.status <> 'proposed'`;
    const [g] = await this.db.query(
      `${SUMMARY_SELECT.replace(
        'SELECT g.id,',
        `SELECT g.scope, g.summary, g.standard_id AS "standardId", g.revises_id AS "revisesId",
              (SELECT r.id FROM group_standards r WHERE r.revises_id = g.id) AS "revisedById", g.id,`,
      )}
        WHERE g.id = $1 AND ${scope}`,
      params,
    );
    if (!g) throw notFound('group standard', id);
    const staff = audience.kind === 'staff';
    const showText = staff || !DRAFT_TEXT_PRIVATE.includes(g.status);
    const [requirements, history, comments, evaluations] = await Promise.all([
      showText
        ? this.db.query(
            `SELECT id, clause, text_zh AS "textZh", text_en AS "textEn", kind, unit, min_value::float8 AS min, max_value::float8 AS max, critical
               FROM group_standard_requirements WHERE group_standard_id = $1 ORDER BY position`,
            [id],
          )
        : [],
      this.db.query(
        `SELECT action, from_status AS "from", to_status AS "to", note, ${staff ? 'actor_user_id AS "actorUserId",' : ''} created_at AS at
           FROM group_standard_events WHERE group_standard_id = $1 ORDER BY id`,
        [id],
      ),
      this.db.query(
        `SELECT id, clause, text, answer, reply, answered_at AS "answeredAt", created_at AS "createdAt"
                ${staff ? ', commenter_name AS "commenterName", commenter_email AS "commenterEmail"' : ''}
           FROM group_standard_comments WHERE group_standard_id = $1 ORDER BY created_at, id`,
        [id],
      ),
      g.standardId
        ? this.db.query(
            `SELECT id, outcome, evaluated_on::text AS "evaluatedOn", summary FROM advancedness_evaluations WHERE standard_id = $1
              ORDER BY evaluated_on DESC, created_at DESC`,
            [g.standardId],
          )
        : [],
    ]);
    return { ...g, requirements, history, comments, evaluations };
  }
}

interface LockedGroupStandard {
  id: string;
  organization_id: string;
  status: GroupStandardStatus;
  standard_id: string;
  revises_id: string | null;
}

/** The caller's association's standard, locked for the change: another association's is "not found". */
async function lockOwn(tx: EntityManager, caller: Principal, id: string): Promise<LockedGroupStandard> {
  const [g] = await tx.query(
    `SELECT id, organization_id, status, standard_id, revises_id FROM group_standards WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
    [id, caller.organizationId],
  );
  if (!g) throw notFound('group standard', id);
  return g;
}

async function requireRequirements(tx: EntityManager, id: string, what: string): Promise<void> {
  const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM group_standard_requirements WHERE group_standard_id = $1`, [id]);
  if (!n)
    throw new DomainError('RULE_VIOLATION', `the draft has no requirements: add them (PUT …/requirements) before you ${what}`, { rule: 'no_requirements' });
}

async function insertRequirements(tx: EntityManager, id: string, requirements: RequirementDto[]): Promise<void> {
  for (const [i, r] of requirements.entries()) {
    await tx.query(
      `INSERT INTO group_standard_requirements (group_standard_id, position, clause, text_zh, text_en, kind, unit, min_value, max_value, critical)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, i + 1, r.clause, r.textZh, r.textEn ?? null, r.kind, r.unit ?? null, r.min ?? null, r.max ?? null, r.critical],
    );
  }
}

async function recordEvent(
  tx: EntityManager,
  id: string,
  action: string,
  from: GroupStandardStatus | null,
  to: GroupStandardStatus,
  caller: Principal,
  note: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO group_standard_events (group_standard_id, action, from_status, to_status, actor_user_id, actor_organization_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, action, from, to, caller.userId, caller.organizationId, note],
  );
}
