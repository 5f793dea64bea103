import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import type { IndexJob } from "../../src/indexing/index-job";
import { handleQueue } from "../../src/queue-handler";
import type { AdapterOptions } from "../../src/services";

let sequence = 0;

/**
 * A MessageBatch from `createMessageBatch`, each message on delivery `attempts`. Its messages
 * record that retry() was called but not the delay, so each is wrapped to keep `delaySeconds`.
 */
export function batchOf(queue: string, bodies: unknown[], attempts = 1) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body) => ({ id: `msg-${++sequence}`, timestamp: new Date(), body, attempts })),
  );
  const delays = new Map<string, number | undefined>();
  const messages = batch.messages as Message<unknown>[];
  messages.forEach((message, i) => {
    messages[i] = new Proxy(message, {
      get(target, prop) {
        if (prop === "retry") {
          return (options?: QueueRetryOptions) => {
            delays.set(target.id, options?.delaySeconds);
            target.retry(options);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  });
  return { batch, delays };
}

/**
 * Runs `bodies` as one batch of `queue` through the worker's real `queue` entry (or, with
 * `options`, through handleQueue — what that entry calls — with decorated adapters) and returns
 * the platform's view of the outcome plus the retry delays.
 */
export async function deliver(
  queue: string,
  bodies: unknown[],
  o: { attempts?: number; env?: Env; options?: AdapterOptions } = {},
) {
  const { batch, delays } = batchOf(queue, bodies, o.attempts);
  const ctx = createExecutionContext();
  const report = o.options
    ? await handleQueue(batch, o.env ?? env, o.options)
    : await worker.queue(batch as MessageBatch<unknown>, o.env ?? env);
  const result = await getQueueResult(batch, ctx);
  const ids = batch.messages.map((m) => m.id);
  const acked = new Set(result.ackAll ? ids : result.explicitAcks);
  return { result, report, ids, acked, retried: result.retryMessages.map((r) => r.msgId), delays };
}

/** Upsert jobs for freshly created markets (search version 1). */
export const upsertJobs = (...ids: string[]): IndexJob[] => ids.map((marketId) => ({ op: "upsert", marketId, version: 1 }));

/** A queue binding that records every job sent through it and passes them on to `inner`. */
export function recordingQueue(inner: Queue = env.INDEX_QUEUE) {
  const batches: IndexJob[][] = [];
  const queue = {
    send: (body: IndexJob, options?: QueueSendOptions) => {
      batches.push([body]);
      return inner.send(body, options);
    },
    sendBatch: (messages: Iterable<MessageSendRequest<IndexJob>>, options?: QueueSendBatchOptions) => {
      const list = [...messages];
      batches.push(list.map((m) => m.body));
      return inner.sendBatch(list, options);
    },
  };
  return { queue: queue as unknown as Queue, batches, jobs: () => batches.flat() };
}

/** A queue binding that refuses every send, as the platform does when Queues is unavailable. */
export function refusingQueue() {
  let calls = 0;
  const fail = () => {
    calls++;
    return Promise.reject(new Error("Queue send failed: 503 Service Unavailable"));
  };
  return { queue: { send: fail, sendBatch: fail } as unknown as Queue, calls: () => calls };
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
