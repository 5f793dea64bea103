// Turns a results object (bench/results.json) into the markdown of bench/results.md and of the
// README's performance section.

export const README_START = "<!-- bench:start -->";
export const README_END = "<!-- bench:end -->";

const int = (n) => Math.round(n).toLocaleString("en-US");
const dash = "–";
const fixed = (n, digits = 1) => (typeof n === "number" ? n.toFixed(digits) : dash);
const row = (cells) => `| ${cells.join(" | ")} |`;

function scenarioRows(results) {
  const lines = [
    row(["scenario", "server", "req/s", "p50 ms", "p99 ms", "workerd CPU ms/req", "errors", "vs baseline", "D1 statements", "rows read", "rows written"]),
    row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---", "---:", "---:", "---:"]),
  ];
  for (const s of results.scenarios) {
    const ratio = typeof s.ratio === "number" ? `${s.ratio.toFixed(2)}x ${s.baseline}` : dash;
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
    `Load: ${st.loadGenerator}, ${st.connections} connections, ${st.durationS} s per scenario in ${st.rounds ?? 1} interleaved round(s), each after ${st.warmupS} s of warm-up, loopback only, generator in its own process on the same machine. Data: ${int(st.dataset.markets)} markets, ${int(st.dataset.users)} users, ${int(st.dataset.positions)} positions in local D1 (Miniflare, SQLite).`,
    "",
    ...scenarioRows(results),
    "",
    "Errors are responses outside the scenario's expected status (200, or 201 for writes) plus connection errors and timeouts. Latencies are of 2xx responses at 1 ms resolution (p50: median of the rounds; p99: the worst round). workerd CPU is the process's user + system time over the whole load (warm-up included) per response. D1 figures are the most any single request of the scenario cost, measured in a separate pass over the same source with D1 metering (scripts/bench/workers/d1-meter.js), not under load.",
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
 * The README with a generated section replaced by `section`: between the bench markers unless
 * other `markers` are given (the soak run has its own).
 * @param {string} readme
 * @param {string} section
 * @param {{ start: string, end: string }} [markers]
 * @returns {string}
 */
export function replaceReadmeSection(readme, section, markers = { start: README_START, end: README_END }) {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`README has no ${markers.start} … ${markers.end} section`);
  return `${readme.slice(0, start + markers.start.length)}\n${section.trimEnd()}\n${readme.slice(end)}`;
}
