import { Module } from '@nestjs/common';
import { CounterfeitSignals } from './counterfeit-signals';
import { CounterfeitSignalsService } from './counterfeit-signals.service';
import { RegistryService } from './registry.service';
import { WebhooksService } from './webhooks/webhooks.service';

const services = [RegistryService, CounterfeitSignals, CounterfeitSignalsService, WebhooksService];

@Module({ providers: services, exports: services })
export class RegistryModule {}
