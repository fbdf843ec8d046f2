import type { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

const quietLogger = () => ({ error: jest.fn() }) as unknown as Logger & { error: jest.Mock };

describe('PeriodicTask', () => {
  it('never runs two rounds at once: a run while one is in progress joins it', async () => {
    let release!: () => void;
    let rounds = 0;
    const task = new PeriodicTask('test', () => new Promise<void>((r) => (rounds++, (release = r))), quietLogger());
    const first = task.run();
    const second = task.run();
    expect(rounds).toBe(1);
    release();
    await Promise.all([first, second]);
    const third = task.run();
    expect(rounds).toBe(2);
    release();
    await third;
  });

  it('logs a failed round and runs the next one', async () => {
    const logger = quietLogger();
    let calls = 0;
    const task = new PeriodicTask(
      'sweep',
      async () => {
        if (++calls === 1) throw new Error('database away');
      },
      logger,
    );
    await task.run();
    await task.run();
    expect(calls).toBe(2);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith('sweep failed: database away');
  });

  it('stop() waits for the round in progress and no round starts after it', async () => {
    jest.useFakeTimers();
    try {
      let finished = 0;
      let release!: () => void;
      const task = new PeriodicTask('test', () => new Promise<void>((r) => (release = () => (finished++, r()))), quietLogger());
      task.start(1000, true);
      let stopped = false;
      const stopping = task.stop().then(() => (stopped = true));
      await Promise.resolve();
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(finished).toBe(1);
      jest.advanceTimersByTime(5000);
      expect(finished).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
