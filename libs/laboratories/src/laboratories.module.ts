import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

const services: Provider[] = [];

/** Testing laboratories (CNAS register with scope lines) and recognition agreements (互认) for test results. */
@Module({ imports: [TypeOrmModule.forFeature([])], providers: services, exports: services })
export class LaboratoriesModule {}
