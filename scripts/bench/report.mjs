// Turns results objects (bench/results.json, bench/results-rtt-<profile>.json) into the markdown of
// bench/results.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const int = (n) => Math.round(n).toLocaleString("en-US");
const dash = "–";
const fixed = (n, digits = 1) => (typeof n === "number" ? n.toFixed(digits) : dash);
const row = (cells) => `| ${cells.join(" | ")} |`;
// A typographic minus, as wide as the plus, so a column of deltas reads at a glance.
const signedMs = (ms) => `${ms >= 0 ? "+" : "\u2212"}${Math.abs(ms).toFixed(3)} ms`;

function rttRows(results) {
  const p = results.settings.rtt;
  const lines = [
    `Latency profile "${p.profile}": Upstash ${p.upstash} ms, D1 primary ${p.primary} ms, D1 replica ${p.replica} ms, KV ${p.kv} ms per round trip.`,
    "",
    row(["scenario", "p50 ms", "p99 ms", "sequential round trips", "critical path", "errors"]),
    row(["---", "---:", "---:", "---:", "---", "---:"]),
  ];
  for (const s of results.scenarios) {
    lines.push(row([s.title, s.p50Ms ?? dash, s.p99Ms ?? dash, s.rtt ? String(s.rtt.sequential) : dash, s.rtt ? s.rtt.calls.join(" → ") || "none" : dash, String(s.errors)]));
  }
  return lines;
}

function scenarioRows(results) {
  const lines = [
    row(["scenario", "server", "req/s", "p50 ms", "p99 ms", "workerd CPU ms/req", "errors", "vs baseline", "D1 statements", "rows read", "rows written"]),
    row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---", "---:", "---:", "---:"]),
  ];
  for (const s of results.scenarios) {
    const reference = typeof s.referenceRatio === "number" ? ` (${s.referenceRatio.toFixed(2)}x ${s.reference})` : "";
    const cpu = typeof s.cpuOverBaselineMs === "number" ? `, ${signedMs(s.cpuOverBaselineMs)} CPU` : "";
    const ratio = typeof s.ratio === "number" ? `${s.ratio.toFixed(2)}x ${s.baseline}${reference}${cpu}` : dash;
    const d1 = s.d1 ?? null;
    lines.push(
      row([
        s.title,
        s.server,
        int(s.rps),
        s.p50Ms ?? dash,
        s.p99Ms ?? dash,
        fixed(s.cpuMsPerRequest, 3),
        String(s.errors),
        ratio,
        d1 ? String(d1.statements) : dash,
        d1 ? String(d1.rowsRead) : dash,
        d1 ? String(d1.rowsWritten) : dash,
      ]),
    );
  }
  return lines;
}

/**
 * The markdown report of one run: machine, settings, the scenario table, bundle, startup and memory
 * per server, and every budget with its verdict.
 * @param {any} results the object written to bench/results.json
 * @returns {string}
 * @example writeFileSync("bench/results.md", formatMarkdown(results));
 */
export function formatMarkdown(results) {
  const m = results.machine;
  const st = results.settings;
  const out = [
    `Measured ${results.generatedAt.slice(0, 10)} on ${m.cpuModel} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}; Node ${m.node}, workerd ${m.workerd} (Miniflare ${m.miniflare}), wrangler ${m.wrangler}.`,
    `Load: ${st.loadGenerator}, ${st.connections} connections, ${st.durationS} s per scenario in ${st.rounds ?? 1} interleaved round(s)${(st.rounds ?? 1) > 1 ? " (odd rounds in table order, even rounds reversed)" : ""}, each after ${st.warmupS} s of warm-up, loopback only, generator in its own process on the same machine. Data: ${int(st.dataset.markets)} markets, ${int(st.dataset.users)} users, ${int(st.dataset.positions)} positions in local D1 (Miniflare, SQLite).`,
    "",
    ...(results.settings.rtt ? [...rttRows(results), ""] : []),
    ...scenarioRows(results),
    "",
    "A ratio to a baseline or reference is the median of the per-round ratios (the budget table gives their range); \"+x ms CPU\" is the scenario's workerd CPU per response minus its baseline's. Errors are responses outside the scenario's expected status (200, or 201 for writes) plus connection errors and timeouts. Latencies are of 2xx responses at 1 ms resolution (p50: median of the rounds; p99: the worst round). workerd CPU is the process's user + system time over the whole load (warm-up included) per response. D1 figures are the most any single request of the scenario cost, measured in a separate pass over the same source with D1 metering (scripts/bench/workers/d1-meter.js), not under load.",
    "",
    row(["server", "ready (ms)", "first request (ms)", "peak RSS (MiB)"]),
    row(["---", "---:", "---:", "---:"]),
    ...results.servers.map((s) => row([s.name, int(s.readyMs), fixed(s.firstRequestMs), fixed(s.peakRssMiB)])),
    "",
    `Ready is Miniflare's start to listening (workerd process start and script load); peak RSS is the workerd process's VmHWM at the end of the run. Bundle: ${fixed(results.bundle.rawKiB)} KiB, ${fixed(results.bundle.gzipKiB)} KiB gzip (wrangler: "${results.bundle.wranglerReported}").`,
    "",
    row(["budget", "actual", "limit", "verdict"]),
    row(["---", "---:", "---:", "---"]),
    ...results.budgets.map((b) => row([b.name, b.actual, b.limit, b.pass ? "pass" : "**FAIL**"])),
  ];
  return `${out.join("\n")}\n`;
}

/**
 * Writes bench/results.md from every results file in `dir`: the plain run, then each latency profile.
 * @param {string} dir
 * @example writeResultsMarkdown("bench");
 */
export function writeResultsMarkdown(dir) {
  const files = ["results.json", ...readdirSync(dir).filter((f) => /^results-rtt-\w+\.json$/.test(f)).sort()].filter((f) => existsSync(path.join(dir, f)));
  const sections = files.map((f) => {
    const results = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
    const title = results.settings.rtt ? `Latency profile "${results.settings.rtt.profile}" (\`npm run bench -- --rtt ${results.settings.rtt.profile}\`)` : "Throughput (\`npm run bench\`)";
    return `## ${title}\n\n${formatMarkdown(results)}`;
  });
  writeFileSync(path.join(dir, "results.md"), `# Benchmark results\n\nWritten by \`npm run bench\`; see docs/performance.md.\n\n${sections.join("\n")}`);
}

/**
 * A Markdown page with a generated section replaced by `section`, between `markers` (the soak run
 * keeps its table in docs/consistency-and-idempotency.md; the benchmark writes only bench/results.*).
 * @param {string} page
 * @param {string} section
 * @param {{ start: string, end: string }} markers
 * @returns {string}
 */
export function replaceMarkedSection(page, section, markers) {
  const start = page.indexOf(markers.start);
  const end = page.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`no ${markers.start} … ${markers.end} section in the page`);
  return `${page.slice(0, start + markers.start.length)}\n${section.trimEnd()}\n${page.slice(end)}`;
}
