import cliProgress from "cli-progress";

// A bar on a terminal; in logs and CI a plain line every 10 %.
export function progressReporter(
  total: number,
  words: { doing: string; done: string; unit: string },
): { update(done: number): void; stop(): void } {
  const started = performance.now();
  const rate = (done: number) => Math.round(done / Math.max((performance.now() - started) / 1000, 1e-3));
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${words.doing} |{bar}| {percentage}% | {value}/{total} ${words.unit} | {rate}/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0 });
    return { update: (done) => bar.update(done, { rate: rate(done) }), stop: () => bar.stop() };
  }
  let nextReport = 0.1;
  return {
    update(done) {
      if (done / Math.max(total, 1) + 1e-9 < nextReport && done !== total) return;
      while (nextReport <= done / Math.max(total, 1) + 1e-9) nextReport += 0.1;
      const percent = Math.round((done / Math.max(total, 1)) * 100);
      process.stdout.write(`${words.done} ${done}/${total} ${words.unit} (${percent}%), ${rate(done)} ${words.unit}/s\n`);
    },
    stop: () => {},
  };
}

