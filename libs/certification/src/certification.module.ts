import { Module } from '@nestjs/common';
import { SchemeModule } from '@app/scheme';
import { ApplicationsService } from './applications/applications.service';

@Module({
  imports: [SchemeModule],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class CertificationModule {}
