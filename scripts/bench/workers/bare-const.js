// Baseline: the least a worker can do, answer a constant. The ceiling of the harness itself.
const body = JSON.stringify({ success: true, data: "ok" });

export default {
  fetch() {
    return new Response(body, { headers: { "content-type": "application/json" } });
  },
};
