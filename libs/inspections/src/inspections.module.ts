import { Module, Provider } from '@nestjs/common';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionRegisterService } from './inspection-register.service';

const services: Provider[] = [InspectionRegisterService, InspectionPlansService];

/**
 * Random inspections (双随机一公开): checklist, targets, inspectors, plans, draws from a committed seed, results.
 * Raw SQL over its own tables (no entities): the draw's population is frozen JSON, the rest are small registers.
 */
@Module({ providers: services, exports: services })
export class InspectionsModule {}
