import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';

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
        extra: { max: 20, connectionTimeoutMillis: 5000 },
        retryAttempts: 0,
      }),
    }),
  ],
})
export class PersistenceModule {}
