// Reference, not a budget baseline: the list page's own statement (its columns, order and limit + 1)
// inside a D1 session, the rows answered as JSON. What GET /api/markets cannot beat in this harness.
const SQL =
  "SELECT id, name, status, volume, created_at, updated_at, creator_id, creator_name FROM markets ORDER BY volume DESC, id DESC LIMIT ?";

export default {
  async fetch(request, env) {
    const session = env.DB.withSession("first-unconstrained");
    const { results } = await session.prepare(SQL).bind(21).all();
    return Response.json({ success: true, data: results.slice(0, 20) }, { headers: { "x-d1-bookmark": session.getBookmark() ?? "" } });
  },
};
