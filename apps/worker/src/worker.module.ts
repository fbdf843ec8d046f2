import { DynamicModule, Module, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CERTIFICATION_PROCESSORS, CertificationModule } from '@app/certification';
import { CREDIT_SWEEPERS, CreditModule } from '@app/credit';
import { NOTIFICATION_PROCESSORS, NotificationsModule } from '@app/notifications';
import { PersistenceModule, RedisModule } from '@app/persistence';
import { QUEUES, QueueName, QueueWorkerModule } from '@app/queue';
import { REGISTRY_PROCESSORS, RegistryModule } from '@app/registry';
import { APP_CONFIG, AppConfig, ConfigError, ConfigModule } from '@app/shared';

/** Every queue's processors, from every context: a queue without one does not compile. */
const PROCESSORS: Record<QueueName, Type[]> = {
  ...CERTIFICATION_PROCESSORS,
  ...REGISTRY_PROCESSORS,
  // The credit sweep tells people through notifications: it runs where they are sent.
  notifications: [...NOTIFICATION_PROCESSORS.notifications, ...CREDIT_SWEEPERS],
};

/** The queues named in WORKER_QUEUES (all when it is empty); an unknown name stops the process. */
export function servedQueues(config: AppConfig): QueueName[] {
  if (!config.WORKER_QUEUES) return [...QUEUES];
  const names = config.WORKER_QUEUES.split(',');
  const unknown = names.filter((n) => !(QUEUES as readonly string[]).includes(n));
  if (unknown.length) throw new ConfigError(`Configuration error: WORKER_QUEUES names unknown queues: ${unknown.join(', ')} (known: ${QUEUES.join(', ')}).`);
  return names as QueueName[];
}

/** The worker process: the only one that runs BullMQ processors, the outbox dispatcher and the reconciler. */
@Module({})
export class WorkerModule {
  static forQueues(queues: QueueName[]): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule,
        LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ pinoHttp: { level: c.LOG_LEVEL } }) }),
        PersistenceModule,
        RedisModule,
        QueueWorkerModule,
        CertificationModule,
        RegistryModule,
        NotificationsModule,
        CreditModule,
      ],
      providers: queues.flatMap((q) => PROCESSORS[q]),
    };
  }
}
