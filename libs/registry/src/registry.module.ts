import { Module } from '@nestjs/common';
import { CounterfeitDetector } from './counterfeit-detector';
import { CounterfeitSignalsService } from './counterfeit-signals.service';
import { RegistryCache } from './registry-cache';
import { RegistryService } from './registry.service';
import { WebhooksService } from './webhooks/webhooks.service';

const services = [RegistryService, RegistryCache, CounterfeitDetector, CounterfeitSignalsService, WebhooksService];

@Module({ providers: services, exports: services })
export class RegistryModule {}
