import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { QueueName } from './job-contract';
import { QUEUES } from './queues';

/** The BullMQ queues by name, for the dispatcher and the reconciler. */
@Injectable()
export class QueueRegistry implements OnModuleInit {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  // The queue providers exist only once the module is initialised, not when this is constructed.
  onModuleInit(): void {
    for (const name of QUEUES) this.queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
  }

  get(name: string): Queue {
    const queue = this.queues.get(name as QueueName);
    if (!queue) throw new Error(`outbox row names an unknown queue "${name}"`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }
}
