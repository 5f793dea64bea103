// Baseline: one KV get by the key in the path, answered as JSON. What a cached read cannot beat.
export default {
  async fetch(request, env) {
    const key = new URL(request.url).pathname.slice(1);
    const value = await env.KV.get(key);
    if (value === null) return new Response('{"success":false}', { status: 404, headers: { "content-type": "application/json" } });
    return new Response(value, { headers: { "content-type": "application/json" } });
  },
};
