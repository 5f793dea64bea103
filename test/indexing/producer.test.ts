import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { IndexJob } from "../../src/indexing/index-job";
import { actor } from "../helpers/fixtures";
import { recordingQueue } from "../helpers/queue";
import { fetchWith } from "../helpers/entry";

describe("index job producer", () => {
  it("every write of searchable text or status enqueues one job carrying the market's new version", async () => {
    const recording = recordingQueue();
    const overrides = { INDEX_QUEUE: recording.queue };
    const alice = await actor();
    const moderator = await actor("moderator");
    const send = async (method: string, path: string, token: string, body?: unknown) =>
      fetchWith(overrides, path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });

    const created = (await (await send("POST", "/api/markets", alice.token, { name: "Will the producer send" })).json()) as any;
    const id: string = created.data.id;
    expect(created.data).not.toHaveProperty("searchVersion"); // internal, never in responses
    await send("PATCH", `/api/markets/${id}`, alice.token, { description: "now with a description" });
    await send("PUT", `/api/markets/${id}`, alice.token, { name: "Will the producer send again", description: "", status: "closed" });
    await send("PATCH", `/api/markets/${id}`, alice.token, { status: "active" });
    // A position changes the volume only: nothing for search, no job.
    expect((await send("POST", `/api/markets/${id}/positions`, alice.token, { side: "yes", amount: 5 })).status).toBe(201);
    // Refused writes enqueue nothing.
    expect((await send("PATCH", `/api/markets/${id}`, (await actor()).token, { name: "Not yours to rename" })).status).toBe(403);
    // A market with positions is never deleted: refused, nothing enqueued.
    expect((await send("DELETE", `/api/markets/${id}`, moderator.token)).status).toBe(409);
    const other = (await (await send("POST", "/api/markets", alice.token, { name: "Will the producer delete" })).json()) as any;
    expect((await send("DELETE", `/api/markets/${other.data.id}`, moderator.token)).status).toBe(204);
    expect((await send("DELETE", `/api/markets/${other.data.id}`, moderator.token)).status).toBe(404);

    const expected: IndexJob[] = [
      { op: "upsert", marketId: id, version: 1 },
      { op: "upsert", marketId: id, version: 2 },
      { op: "upsert", marketId: id, version: 3 },
      { op: "upsert", marketId: id, version: 4 },
      { op: "upsert", marketId: other.data.id, version: 1 },
      { op: "delete", marketId: other.data.id, version: 2 },
    ];
    expect(recording.batches).toEqual(expected.map((job) => [job]));
  });

  it("the write's response does not wait for the send", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sendStarted = false;
    const slowQueue = {
      send: () => Promise.reject(new Error("unused")),
      sendBatch: async (messages: Iterable<MessageSendRequest<IndexJob>>) => {
        sendStarted = true;
        await gate;
        return env.INDEX_QUEUE.sendBatch(messages);
      },
    } as unknown as Queue;
    const { token } = await actor();
    const ctx = createExecutionContext();
    const request = new Request("https://api.test/api/markets", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Will the response come first" }),
    });
    const response = worker.fetch(request, { ...env, INDEX_QUEUE: slowQueue }, ctx);
    const outcome = await Promise.race([response, new Promise((r) => setTimeout(() => r("still waiting"), 3000))]);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(201);
    expect(sendStarted).toBe(true); // already under way in the background
    release();
    await waitOnExecutionContext(ctx);
  });
});
