import { Injectable } from '@nestjs/common';
import { PublicReads } from '@app/persistence';

export interface RegistryCategory {
  code: string;
  nameZh: string;
  nameEn: string | null;
}

const TTL_MS = 30_000;

/**
 * The categories the registry filter offers: those that have at least one entry (a category with
 * no certificate can only find nothing). Read from the public entries themselves, so the page shows
 * nothing the registry does not; kept for half a minute, since a category gains its first
 * certificate rarely and the list is on every search page.
 */
@Injectable()
export class RegistryCategories {
  private cache: { until: number; value: Promise<RegistryCategory[]> } | null = null;

  constructor(private readonly db: PublicReads) {}

  list(): Promise<RegistryCategory[]> {
    if (!this.cache || this.cache.until < Date.now()) {
      const value = this.db.query<RegistryCategory>(
        `SELECT DISTINCT ON (r.category_code) r.category_code AS code, r.category->>'nameZh' AS "nameZh", r.category->>'nameEn' AS "nameEn"
           FROM registry_entries r ORDER BY r.category_code`,
      );
      this.cache = { until: Date.now() + TTL_MS, value };
      value.catch(() => (this.cache = null));
    }
    return this.cache.value;
  }
}
