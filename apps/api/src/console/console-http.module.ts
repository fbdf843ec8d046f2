import { Module } from '@nestjs/common';
import { CertificationModule } from '@app/certification';
import { StatisticsController } from './statistics.controller';
import { WorklistController } from './worklist.controller';

/** What the console's overview screens read across contexts: the work list and the dashboard. */
@Module({
  imports: [CertificationModule],
  controllers: [WorklistController, StatisticsController],
})
export class ConsoleHttpModule {}
