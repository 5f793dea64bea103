// `npm run bench:db`: D1 cost figures (rows read per list page at depth 0 and 4 000, statements
// per request by page size), printed by the workerd tests that also assert them.
import { spawn } from "node:child_process";

const files = ["test/markets/markets.keyset.test.ts", "test/markets/markets.list.test.ts", "test/positions/positions.test.ts"];
const child = spawn("vitest", ["run", "--config", "test/vitest.config.mts", "--project", "workers", ...files], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NO_COLOR: "1", PRINT_D1_FIGURES: "1" },
});
let buffered = "";
child.stdout.on("data", (chunk) => {
  buffered += chunk;
  const lines = buffered.split("\n");
  buffered = lines.pop() ?? "";
  for (const line of lines) {
    const json = line.slice(line.indexOf("{"));
    if (/"(rowsRead|statementsPerRequest)"/.test(json)) console.log(json);
    else if (/^Tests: /.test(line) || /FAIL/.test(line)) console.log(line);
  }
});
child.on("exit", (code) => process.exit(code ?? 1));
