import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

/** A decision maker's certification decision on an application awaiting it. */
export class DecisionDto {
  @ApiProperty({ enum: ['granted', 'refused'] })
  @IsIn(['granted', 'refused'])
  outcome: 'granted' | 'refused';

  @ApiProperty({ example: '初次检查通过，全部关键指标符合深圳标准要求' })
  @IsString()
  @Length(2, 4000)
  rationale: string;
}
