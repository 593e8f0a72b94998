/** Where the core reports progress: the actions route it to @actions/core, the CLI to stderr. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export const silentLog: Log = { info() {}, warn() {}, error() {}, debug() {} };

export function consoleLog(verbose = false): Log {
  return {
    info: (m) => console.error(m),
    warn: (m) => console.error(`warning: ${m}`),
    error: (m) => console.error(`error: ${m}`),
    debug: (m) => {
      if (verbose) console.error(`debug: ${m}`);
    },
  };
}
