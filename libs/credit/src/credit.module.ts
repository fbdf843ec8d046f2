import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

const services: Provider[] = [];

/** The credit record of enterprises (信用记录): listings in force, serious violations, their effects on certificates, the public credit page. */
@Module({ imports: [TypeOrmModule.forFeature([])], providers: services, exports: services })
export class CreditModule {}
