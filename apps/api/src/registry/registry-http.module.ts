import { Module } from '@nestjs/common';
import { RegistryModule } from '@app/registry';
import { CounterfeitSignalsController } from './counterfeit-signals.controller';
import { WebhooksController } from './webhooks.controller';

/** The registry's routes for signed-in callers: webhook subscriptions and counterfeit signals (the public registry is in public/). */
@Module({
  imports: [RegistryModule],
  controllers: [CounterfeitSignalsController, WebhooksController],
})
export class RegistryHttpModule {}
