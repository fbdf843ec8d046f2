import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { HealthController } from './health.controller';

/** /health: whether PostgreSQL and Redis answer, for load balancers and operators. */
@Module({
  imports: [IdentityModule],
  controllers: [HealthController],
})
export class HealthHttpModule {}
