// Baseline: one D1 select by primary key (the id in the path), answered as JSON. What an uncached
// read cannot beat.
export default {
  async fetch(request, env) {
    const id = new URL(request.url).pathname.slice(1);
    const row = await env.DB.prepare("SELECT * FROM markets WHERE id = ?").bind(id).first();
    if (row === null) return new Response('{"success":false}', { status: 404, headers: { "content-type": "application/json" } });
    return Response.json({ success: true, data: row });
  },
};
