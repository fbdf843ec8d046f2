import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

const services: Provider[] = [];

/** Random inspections (双随机一公开): checklist, targets, inspectors, plans, draws from a committed seed, results. */
@Module({ imports: [TypeOrmModule.forFeature([])], providers: services, exports: services })
export class InspectionsModule {}
