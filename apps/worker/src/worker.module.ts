import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CertificationModule, certificationProcessors } from '@app/certification';
import { PersistenceModule, RedisModule } from '@app/persistence';
import { QueueWorkerModule } from '@app/queue';
import { APP_CONFIG, AppConfig, ConfigModule } from '@app/shared';

/** The worker process: the only one that runs BullMQ processors, the outbox dispatcher and the reconciler. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ pinoHttp: { level: c.LOG_LEVEL } }) }),
    PersistenceModule,
    RedisModule,
    QueueWorkerModule,
    CertificationModule,
  ],
  providers: [...certificationProcessors],
})
export class WorkerModule {}
