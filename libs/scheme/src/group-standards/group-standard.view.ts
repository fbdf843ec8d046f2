import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RequirementView } from '../standards/standard.view';
import { COMMENT_ANSWERS, CommentAnswer, EVALUATION_OUTCOMES, EvaluationOutcome } from './group-standard.dto';
import { GROUP_STANDARD_STATUSES, GroupStandardStatus } from './group-standard.machine';

export class GroupCodeView {
  @ApiProperty() organizationId: string;
  @ApiProperty({ example: '深圳市电子行业协会' }) organizationNameZh: string;
  @ApiProperty({ example: 'SZEIA' }) code: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class AssociationRef {
  @ApiProperty() id: string;
  @ApiProperty({ example: '深圳市电子行业协会' }) nameZh: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ example: 'SZEIA' }) groupCode: string;
}

/** What the directory lists: the fields people search group standards by. */
export class GroupStandardSummary {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: 'T/SZEIA 001—2026', description: 'given on publication' }) number: string | null;
  @ApiProperty({ enum: GROUP_STANDARD_STATUSES }) status: GroupStandardStatus;
  @ApiProperty() titleZh: string;
  @ApiProperty({ nullable: true, type: String }) titleEn: string | null;
  @ApiProperty({ type: AssociationRef }) association: AssociationRef;
  @ApiProperty({ nullable: true, type: String, example: '33.050' }) ics: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'M30' }) ccs: string | null;
  @ApiProperty({ type: [String] }) categoryCodes: string[];
  @ApiProperty() fullTextOpen: boolean;
  @ApiProperty({ type: String, format: 'date' }) proposedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: '立项' }) approvedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) commentFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'the last day comments are taken' }) commentTo: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) publishedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) implementationOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawnOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastReviewOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'the latest date of its next review (复审): 5 years after publication or the last review',
  })
  reviewDueOn: string | null;
}

export class GroupStandardEventView {
  @ApiProperty({ example: 'approve' }) action: string;
  @ApiProperty({ nullable: true, type: String, enum: GROUP_STANDARD_STATUSES }) from: GroupStandardStatus | null;
  @ApiProperty({ enum: GROUP_STANDARD_STATUSES }) to: GroupStandardStatus;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'who: absent from the public view' }) actorUserId?: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}

export class GroupStandardCommentView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '5.1' }) clause: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String, enum: COMMENT_ANSWERS }) answer: CommentAnswer | null;
  @ApiProperty({ nullable: true, type: String }) reply: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "the commenter's name: for the association only" }) commenterName?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "the commenter's e-mail: for the association only" }) commenterEmail?: string | null;
}

export class AdvancednessEvaluationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: EVALUATION_OUTCOMES }) outcome: EvaluationOutcome;
  @ApiProperty({ type: String, format: 'date' }) evaluatedOn: string;
  @ApiProperty() summary: string;
}

export class GroupStandardView extends GroupStandardSummary {
  @ApiProperty() scope: string;
  @ApiProperty({ nullable: true, type: String, description: 'the text or a summary' }) summary: string | null;
  @ApiProperty({ type: [RequirementView], description: 'in order; publicly, only once the draft is out for comment' }) requirements: RequirementView[];
  @ApiProperty({ nullable: true, type: String, description: 'the standards row made on publication (what catalogue entries and certificates name)' })
  standardId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the group standard this one revises' }) revisesId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'its revision in progress or published' }) revisedById: string | null;
  @ApiProperty({ type: [GroupStandardEventView], description: 'oldest first' }) history: GroupStandardEventView[];
  @ApiProperty({ type: [GroupStandardCommentView], description: 'oldest first' }) comments: GroupStandardCommentView[];
  @ApiProperty({ type: [AdvancednessEvaluationView], description: 'newest first' }) evaluations: AdvancednessEvaluationView[];
}

export class PublicCommentReceipt {
  @ApiProperty() id: string;
  @ApiProperty({ example: '5.1' }) clause: string;
  @ApiProperty({ type: String, format: 'date', description: 'the last day of the comment period' }) commentTo: string;
}
