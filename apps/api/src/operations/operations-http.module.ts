import { Module } from '@nestjs/common';
import { JobsService } from '@app/queue';
import { OperationsController } from './operations.controller';

/** Background jobs, seen from the outbox (the API only enqueues: it registers no queue). */
@Module({
  controllers: [OperationsController],
  providers: [JobsService],
})
export class OperationsHttpModule {}
