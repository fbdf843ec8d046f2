import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { PublicReads } from './public-reads';

/**
 * The one TypeORM connection of a process. Schema comes only from migrations/:
 * synchronize stays off, and entities are registered by each context's module. Public reads have
 * a pool of their own with a statement timeout (PublicReads).
 */
@Global()
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
  providers: [PublicReads],
  exports: [PublicReads],
})
export class PersistenceModule {}
