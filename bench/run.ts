import { benchBooking } from "./booking.bench";
import { benchLocalWrite } from "./local-write.bench";
import { benchReports } from "./reports.bench";
import { benchSync } from "./sync.bench";

/**
 * `npm run bench`: each benchmark measures its own baseline in the same run and prints a ratio,
 * so the figures compare across machines. A bench returns its lines, at once or as a promise
 * (those that need a server). BENCH=<name substring> runs only the matching ones.
 */
const BENCHES: [string, () => string | Promise<string>][] = [
  ["local write path", () => benchLocalWrite()],
  ["booking engine", () => benchBooking()],
  // Its last line is the reports summary; `BENCH=reports npm run bench` prints it last of all.
  ["reports", () => benchReports()],
  // Last: its final line is the sync summary, the last line of the run.
  ["sync (push, pull, propagation)", () => benchSync()],
];

const only = process.env.BENCH;
for (const [name, run] of BENCHES) {
  if (only && !name.includes(only)) continue;
  console.log(`# ${name}`);
  console.log(await run());
}
