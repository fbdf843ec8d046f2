import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { SESSION_OPTIONS } from './database';

/**
 * The one TypeORM connection of a process. Schema comes only from migrations/:
 * synchronize stays off, and entities are registered by each context's module.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logging: false,
        extra: { max: 20, connectionTimeoutMillis: 5000, options: SESSION_OPTIONS },
        retryAttempts: 0,
      }),
    }),
  ],
})
export class PersistenceModule {}
