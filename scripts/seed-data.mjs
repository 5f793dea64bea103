// Deterministic demo data: the same ids every run, so seeding is idempotent.

const USERS = [
  ["demo-admin", "admin@example.com", "Ada Admin", "admin"],
  ["demo-moderator", "mod@example.com", "Mo Moderator", "moderator"],
  ["alice", "alice@example.com", "Alice", "user"],
  ["bob", "bob@example.com", "Bob", "user"],
  ["carol", "carol@example.com", "Carol", "user"],
];

const TOPICS = [
  "Will it rain in Lisbon on the first of May?",
  "Will the city marathon record fall this year?",
  "Will the new metro line open before December?",
  "Will the central bank cut rates at its next meeting?",
  "Will the summer solstice be cloudless in Oslo?",
  "Will the football league champion be decided before the last round?",
  "Will the river flood the old town this spring?",
  "Will electric cars outsell petrol cars this quarter?",
  "Will the film festival's opening night sell out?",
  "Will the bridge renovation finish on schedule?",
  "Will the tallest tower's elevator be repaired this month?",
  "Will a comet be visible to the naked eye this year?",
];
const STATUSES = ["active", "active", "active", "closed", "resolved"];

const q = (v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

/**
 * SQL that inserts the demo users, markets and positions unless they already exist.
 * Market volumes equal the sum of their positions, as the API maintains them.
 * @returns {string}
 */
export function seedSql() {
  const base = Date.UTC(2026, 0, 1);
  const lines = [];
  for (const [id, email, name, role] of USERS) {
    lines.push(`INSERT INTO users (id, email, display_name, role, created_at) VALUES (${[id, email, name, role, base].map(q).join(", ")}) ON CONFLICT(id) DO NOTHING;`);
  }
  for (let i = 0; i < 36; i++) {
    const id = `demo-market-${String(i + 1).padStart(2, "0")}`;
    const creator = USERS[i % USERS.length][0];
    const name = `${TOPICS[i % TOPICS.length].slice(0, -1)}${i >= TOPICS.length ? ` (round ${Math.floor(i / TOPICS.length) + 1})` : ""}?`;
    const createdAt = base + i * 3_600_000;
    const positions = [];
    for (let p = 0; p < (i * 7) % 5 + 1; p++) {
      positions.push({
        id: `${id}-p${p + 1}`,
        user: USERS[(i + p + 1) % USERS.length][0],
        side: (i + p) % 2 === 0 ? "yes" : "no",
        amount: ((i * 37 + p * 101) % 900 + 100) * 100,
        createdAt: createdAt + (p + 1) * 60_000,
      });
    }
    const volume = positions.reduce((s, p) => s + p.amount, 0);
    lines.push(
      `INSERT INTO markets (id, name, description, status, volume, creator_id, created_at, updated_at) VALUES (${[
        id, name, `Demo market ${i + 1}. Resolves from public records.`, STATUSES[i % STATUSES.length], volume, creator, createdAt, createdAt,
      ].map(q).join(", ")}) ON CONFLICT(id) DO NOTHING;`,
    );
    for (const p of positions) {
      lines.push(
        `INSERT INTO positions (id, market_id, user_id, side, amount, created_at) VALUES (${[p.id, id, p.user, p.side, p.amount, p.createdAt].map(q).join(", ")}) ON CONFLICT(id) DO NOTHING;`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
