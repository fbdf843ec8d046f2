import { Injectable } from '@nestjs/common';
import { RegistryService } from '@app/registry';
import { CategoryRef } from '@app/scheme';

const TTL_MS = 30_000;

/**
 * The categories the registry filter offers (RegistryService.categories), kept for half a minute:
 * a category gains its first certificate rarely and the list is on every search page.
 */
@Injectable()
export class RegistryCategories {
  private cache: { until: number; value: Promise<CategoryRef[]> } | null = null;

  constructor(private readonly registry: RegistryService) {}

  list(): Promise<CategoryRef[]> {
    if (!this.cache || this.cache.until < Date.now()) {
      const value = this.registry.categories();
      this.cache = { until: Date.now() + TTL_MS, value };
      value.catch(() => (this.cache = null));
    }
    return this.cache.value;
  }
}
