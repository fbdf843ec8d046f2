import { Module } from '@nestjs/common';
import { CounterfeitSignals } from './counterfeit-signals';
import { CounterfeitSignalsService } from './counterfeit-signals.service';
import { RegistryCache } from './registry-cache';
import { RegistryService } from './registry.service';
import { WebhooksService } from './webhooks/webhooks.service';

const services = [RegistryService, RegistryCache, CounterfeitSignals, CounterfeitSignalsService, WebhooksService];

@Module({ providers: services, exports: services })
export class RegistryModule {}
