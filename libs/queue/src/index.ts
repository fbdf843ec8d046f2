export * from './queues';
export * from './outbox';
export * from './outbox-processor';
export * from './connection';
export * from './queue-registry';
export * from './outbox-dispatcher';
export * from './outbox-reconciler';
export * from './queue.module';
