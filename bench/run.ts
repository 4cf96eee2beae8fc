import { benchBooking } from "./booking.bench";
import { benchLocalWrite } from "./local-write.bench";

/**
 * `npm run bench`: each benchmark measures its own baseline in the same run and prints a ratio,
 * so the figures compare across machines. Later benchmarks (booking, sync, reports) join here.
 */
const BENCHES: [string, () => string][] = [
  ["local write path", () => benchLocalWrite()],
  // Last: its final line is the booking engine's summary.
  ["booking engine", () => benchBooking()],
];

for (const [name, run] of BENCHES) {
  console.log(`# ${name}`);
  console.log(run());
}
