/**
 * A progress line for long commands, drawn on standard error only when it is a terminal, so
 * piped output and logs stay clean.
 */
const BAR_WIDTH = 28;
const REDRAW_MS = 100;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function createProgress(label: string, unit: string, total?: number): Progress {
  const stream = process.stderr;
  if (!stream.isTTY) return { update() {}, finish() {} };
  const started = performance.now();
  let lastDraw = 0;
  let last = 0;
  const draw = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const count = `${done.toLocaleString("en-US")}${total ? `/${total.toLocaleString("en-US")}` : ""} ${unit}`;
    let bar = "";
    if (total) {
      const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
      bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.floor((done / total) * 100)}% `;
    }
    stream.write(`\r${label} ${bar}${count}  ${rate.toLocaleString("en-US")}/s\x1b[K`);
  };
  return {
    update(done) {
      last = done;
      const now = performance.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      draw(done);
    },
    finish() {
      draw(last);
      stream.write("\n");
    },
  };
}
