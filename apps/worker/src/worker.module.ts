import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { PersistenceModule, RedisModule } from '@app/persistence';
import { APP_CONFIG, AppConfig, ConfigModule } from '@app/shared';

/** The worker process: the only one that runs BullMQ processors and schedulers. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ pinoHttp: { level: c.LOG_LEVEL } }) }),
    PersistenceModule,
    RedisModule,
  ],
})
export class WorkerModule {}
