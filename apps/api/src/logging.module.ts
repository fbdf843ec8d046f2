import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@app/shared';

/** JSON logs; every line written while serving a request carries its id (req.id). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        // Named explicitly: with NestJS 12 on Fastify the module's default route pattern logged nothing.
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: c.LOG_LEVEL,
          genReqId: (req: { id?: string }) => req.id ?? 'unknown',
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
          // 503 is an unreachable store (or a refusal to wait), not a defect: a warning, as the error filter logs it.
          customLogLevel: (_req: unknown, res: { statusCode: number }, err?: Error) =>
            res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
  ],
})
export class LoggingModule {}
