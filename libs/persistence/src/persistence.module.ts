import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { SESSION_OPTIONS } from './database';
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
        // While PostgreSQL is unreachable a request must fail fast (answered 503 naming it), not
        // wait for a connection: a connect, or a wait for a free pooled one, gives up after 2 s.
        // TCP keepalive finds a connection whose peer vanished without closing it.
        extra: { max: 20, connectionTimeoutMillis: 2000, keepAlive: true, keepAliveInitialDelayMillis: 10_000, options: SESSION_OPTIONS },
        retryAttempts: 0,
      }),
    }),
  ],
  providers: [PublicReads],
  exports: [PublicReads],
})
export class PersistenceModule {}
