import { StateMachine } from '@app/shared';

export const GROUP_STANDARD_STATUSES = [
  'proposed',
  'approved',
  'drafting',
  'public_comment',
  'technical_review',
  'published',
  'review',
  'superseded',
  'withdrawn',
] as const;
export type GroupStandardStatus = (typeof GROUP_STANDARD_STATUSES)[number];

/**
 * A group standard's life (团体标准管理规定): proposal → 立项 (approved, announced) → drafting →
 * 征求意见 (public comment) → technical review → 发布 (published) → 复审 (review), which confirms it
 * (published again), revises it (published again while a new version is drafted; that version's
 * publication supersedes it) or withdraws it (废止). Technical review may send a draft back to
 * drafting; a proposal may be rejected only by not approving it, so it stays a proposal.
 */
export const groupStandardMachine = new StateMachine('group standard', GROUP_STANDARD_STATUSES, {
  approve: { from: ['proposed'], to: 'approved' },
  start_drafting: { from: ['approved'], to: 'drafting' },
  edit_requirements: { from: ['drafting'] },
  open_comment: { from: ['drafting'], to: 'public_comment' },
  comment: { from: ['public_comment'] },
  close_comment: { from: ['public_comment'], to: 'technical_review' },
  return_to_drafting: { from: ['technical_review'], to: 'drafting' },
  publish: { from: ['technical_review'], to: 'published' },
  start_review: { from: ['published'], to: 'review' },
  confirm: { from: ['review'], to: 'published' },
  revise: { from: ['review'], to: 'published' },
  withdraw: { from: ['review'], to: 'withdrawn' },
  supersede: { from: ['published', 'review'], to: 'superseded' },
});
export type GroupStandardAction = (typeof groupStandardMachine.actions)[number];

/** The shortest and longest public comment period, in days: the rules ask for at least 30. */
export const MIN_COMMENT_DAYS = 30;
export const MAX_COMMENT_DAYS = 90;

/** A published group standard is reviewed (复审) at most every 5 years. */
export const REVIEW_INTERVAL_YEARS = 5;

/** Statuses the public never sees: a proposal is the association's own until it is approved (立项 is announced). */
export const UNPUBLISHED_STATUSES: readonly GroupStandardStatus[] = ['proposed'];

/** Statuses before the draft text is public (it is first shown for comment). */
export const DRAFT_TEXT_PRIVATE: readonly GroupStandardStatus[] = ['proposed', 'approved', 'drafting'];
