import { createApp } from "./app";

const app = createApp();

/** Worker entry point. */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;

export type { AppType } from "./app";
