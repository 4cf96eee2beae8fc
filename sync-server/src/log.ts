export type LogLine = Record<string, unknown> & { level: "info" | "warn" | "error"; msg: string };
export type Logger = (line: LogLine) => void;

/** One JSON object per line on stdout, for whatever collects the logs. */
export const jsonLogger: Logger = (line) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};

export const silentLogger: Logger = () => {};
