import { Module } from '@nestjs/common';
import { EligibilityService } from './eligibility/eligibility.service';

@Module({
  providers: [EligibilityService],
  exports: [EligibilityService],
})
export class SchemeModule {}
