// Reference, not a budget baseline: the bare D1 select inside a D1 Sessions API session, as the API
// opens one per request (read replicas + bookmarks). Shows what the session itself costs here.
export default {
  async fetch(request, env) {
    const id = new URL(request.url).pathname.slice(1);
    const session = env.DB.withSession("first-unconstrained");
    const row = await session.prepare("SELECT * FROM markets WHERE id = ?").bind(id).first();
    if (row === null) return new Response('{"success":false}', { status: 404, headers: { "content-type": "application/json" } });
    return Response.json({ success: true, data: row }, { headers: { "x-d1-bookmark": session.getBookmark() ?? "" } });
  },
};
