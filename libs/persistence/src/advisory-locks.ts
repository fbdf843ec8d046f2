/**
 * Every PostgreSQL advisory lock key the platform takes, in one list so no two uses share a key
 * by accident (a shared key makes unrelated work wait for each other, or skip a round).
 */
export const ADVISORY_LOCKS = {
  migrations: 731_2018,
  labelOrders: 731_2019, // with a second key: the enterprise
  reconciler: 731_2020,
  demoSeed: 731_2021,
  bootstrap: 731_2022,
  evidenceUploads: 731_2023, // with a second key: the organization
} as const;
