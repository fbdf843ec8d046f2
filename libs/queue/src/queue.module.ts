import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { redisOptionsFromUrl } from './connection';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxReconciler } from './outbox-reconciler';
import { QUEUES } from './queues';
import { QueueRegistry } from './queue-registry';

const bull = [
  BullModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (c: AppConfig) => ({ connection: redisOptionsFromUrl(c.REDIS_URL), prefix: c.REDIS_PREFIX }),
  }),
  BullModule.registerQueue(...QUEUES.map((name) => ({ name }))),
];

/** For the worker process: the queues, the outbox dispatcher and the reconciler. */
@Module({
  imports: bull,
  providers: [QueueRegistry, OutboxDispatcher, OutboxReconciler],
  exports: [...bull, QueueRegistry, OutboxDispatcher, OutboxReconciler],
})
export class QueueWorkerModule {}
