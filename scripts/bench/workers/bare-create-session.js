// The floor of a market create: the API's own write batch (refresh the user, insert the market,
// read it back) in a first-primary D1 session, with nothing around it (no auth, validation,
// limiter, idempotency, index job or envelope). POST / {"name"} with the user in x-bench-user.
export default {
  async fetch(request, env) {
    if (request.method !== "POST") return new Response("ok");
    const { name } = await request.json();
    const user = request.headers.get("x-bench-user");
    const id = crypto.randomUUID();
    const now = Date.now();
    const session = env.DB.withSession("first-primary");
    const [, , read] = await session.batch([
      session
        .prepare(
          "INSERT INTO users (id, email, display_name, role) SELECT ?1, NULL, ?1, 'user' WHERE 1 ON CONFLICT (id) DO UPDATE SET display_name = coalesce(NULL, users.display_name)",
        )
        .bind(user),
      session
        .prepare("INSERT INTO markets (id, name, description, volume, creator_id, creator_name, created_at, updated_at) VALUES (?, ?, '', 0, ?, '', ?, ?)")
        .bind(id, name, user, now, now),
      session.prepare("SELECT id, name, status, volume, created_at, updated_at, creator_id, creator_name, description, search_version FROM markets WHERE id = ?").bind(id),
    ]);
    return Response.json({ success: true, data: read.results[0] }, { status: 201, headers: { "x-d1-bookmark": session.getBookmark() ?? "" } });
  },
};
