import { Module, Provider } from '@nestjs/common';
import { AgreementsService } from './agreements.service';
import { LaboratoriesService } from './laboratories.service';
import { PublicLaboratoriesService } from './public-laboratories.service';

const services: Provider[] = [LaboratoriesService, AgreementsService, PublicLaboratoriesService];

/** Testing laboratories (CNAS register with scope lines) and recognition agreements (互认) for test results. */
@Module({ providers: services, exports: services })
export class LaboratoriesModule {}
