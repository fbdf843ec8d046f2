import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { preflight } from '@app/persistence';
import { ConfigError, loadConfig } from '@app/shared';
import { migrations } from '../../../migrations';
import { servedQueues, WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config, migrations);
  const queues = servedQueues(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forQueues(queues), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the context: processors stop taking jobs and finish the active ones.
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`worker ready (redis prefix ${config.REDIS_PREFIX}; queues ${queues.join(', ')})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
