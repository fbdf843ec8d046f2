import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StoreProbes } from '@app/persistence';
import { HealthController } from './health.controller';

/** /health: whether PostgreSQL and Redis answer, for load balancers and operators. */
@Module({
  imports: [IdentityModule],
  controllers: [HealthController],
  providers: [StoreProbes],
})
export class HealthHttpModule {}
