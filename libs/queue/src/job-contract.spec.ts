import type { DataSource } from 'typeorm';
import type { SqlWriter } from '@app/persistence';
import type { JobOf } from './job-contract';
import { enqueue } from './outbox';
import { OutboxProcessor, ProcessorOf } from './outbox-processor';

/** An outbox writer that records each INSERT's parameters instead of running it. */
function recordingWriter() {
  const rows: unknown[][] = [];
  const writer: SqlWriter = {
    query: async (_sql, params) => {
      rows.push(params);
      return [{ id: rows.length }];
    },
  };
  return { writer, rows };
}

describe('the job contract (API → outbox → worker)', () => {
  it('writes a job of the contract as its queue, job name, JSON payload, organization and due time', async () => {
    const { writer, rows } = recordingWriter();
    const due = new Date('2029-05-31T16:00:00Z');
    await expect(
      enqueue(writer, { queue: 'certificate-status', name: 'expire-certificate', payload: { certificateId: 'c-1' }, availableAt: due }),
    ).resolves.toBe('1');
    await expect(enqueue(writer, { queue: 'label-codes', name: 'generate-labels', payload: { batchId: 'b-1' }, organizationId: 'org-1' })).resolves.toBe('2');
    expect(rows).toEqual([
      ['certificate-status', 'expire-certificate', '{"certificateId":"c-1"}', null, due],
      ['label-codes', 'generate-labels', '{"batchId":"b-1"}', 'org-1', null],
    ]);
  });

  it('refuses at compile time a payload, job name or queue the contract does not have (nothing refuses them at run time)', async () => {
    const { writer, rows } = recordingWriter();
    // @ts-expect-error generate-labels carries a batchId, not an applicationId
    await enqueue(writer, { queue: 'label-codes', name: 'generate-labels', payload: { applicationId: 'a-1' } });
    // @ts-expect-error a deliver job without its deliveryId
    await enqueue(writer, { queue: 'webhooks', name: 'deliver', payload: {} });
    // @ts-expect-error evaluate-audit belongs to audit-evaluation, not audit-planning
    await enqueue(writer, { queue: 'audit-planning', name: 'evaluate-audit', payload: { auditId: 'au-1' } });
    // @ts-expect-error no such queue
    await enqueue(writer, { queue: 'certificates', name: 'issue-certificate', payload: { applicationId: 'a-1' } });
    // The outbox itself takes any of them: the compiler is the only guard, so the expected
    // errors above make the typecheck fail if the contract loosens.
    expect(rows.map(([queue, name]) => `${queue}/${name}`)).toEqual([
      'label-codes/generate-labels',
      'webhooks/deliver',
      'audit-planning/evaluate-audit',
      'certificates/issue-certificate',
    ]);
  });

  it("narrows a processor's job data by job name", () => {
    const read = (job: JobOf<'webhooks'>): string => {
      switch (job.name) {
        case 'fan-out':
          // @ts-expect-error a fan-out job carries a sequence, no deliveryId
          void job.data.deliveryId;
          return `fan-out ${job.data.sequence}`;
        case 'deliver':
          return `deliver ${job.data.deliveryId}`;
      }
    };
    // Only name and data matter here, not a live BullMQ job.
    const job = (name: string, data: object) => ({ name, data: { ...data, outboxId: '9' } }) as unknown as JobOf<'webhooks'>;
    expect([read(job('fan-out', { sequence: '41' })), read(job('deliver', { deliveryId: 'd-1' }))]).toEqual(['fan-out 41', 'deliver d-1']);
  });

  it('binds a processor class to the queue of its jobs: naming another queue does not compile', () => {
    // @ts-expect-error a class that reads label-code jobs cannot be the worker of the webhooks queue
    @ProcessorOf('webhooks')
    class Misplaced extends OutboxProcessor<'label-codes'> {
      constructor() {
        super(undefined as unknown as DataSource);
      }
      protected handle(job: JobOf<'label-codes'>) {
        return Promise.resolve(job.data.batchId);
      }
    }
    // The decorator still ran (it is the compiler that refuses): Nest would route webhooks jobs to it.
    expect(Reflect.getMetadata('bullmq:processor_metadata', Misplaced)).toEqual(expect.objectContaining({ name: 'webhooks' }));
  });
});
