import { createApp } from "./app";
import { handleQueue } from "./queue-handler";

const app = createApp();

/** Worker entry point: HTTP requests, and batches from the index queues. */
export default {
  fetch: app.fetch,
  queue: async (batch, env) => {
    await handleQueue(batch, env);
  },
} satisfies ExportedHandler<Env>;

export type { AppType } from "./app";
