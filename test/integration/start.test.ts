import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The newcomer's path, end to end: `npm start` on an empty data folder seeds, prints a URL and a key that
// work, drains on SIGTERM, and a second start keeps the data and shows the same key.
const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "c360-start-"));

interface Started {
  child: ChildProcess;
  url: string;
  key: string;
  output: () => string;
}

function start(): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, C360_DATA_DIR: dataDir, PORT: "0", C360_SEED_CUSTOMERS: "40", NODE_ENV: "development" };
  delete env.DATABASE_URL;
  delete env.C360_ADMIN_KEY;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /c360 is running: (\S+)/.exec(output)?.[1];
      const key = /Demo admin key:\s+(\S+)/.exec(output)?.[1];
      if (url && key) resolve({ child, url, key, output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`c360 exited (${code}) before it was ready:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

const countQuery = { query: "{ customers(first: 1) { totalCount } }" };
const ask = (s: Started, body: unknown) =>
  fetch(s.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${s.key}` },
    body: JSON.stringify(body),
  }).then((r) => r.json());

describe("npm start", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // A new PGlite folder runs initdb (about ten seconds here), so this test gets more time than most.
  it("seeds on the first start, keeps data and key on the next, and exits cleanly on SIGTERM", { timeout: 180_000 }, async () => {
    const first = await start();
    expect(first.output()).toMatch(/demo population seeded/);
    expect(await ask(first, countQuery)).toEqual({ data: { customers: { totalCount: 40 } } });
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    expect(second.key).toBe(first.key);
    expect(second.output()).not.toMatch(/seeding a demo population/);
    expect(await ask(second, countQuery)).toEqual({ data: { customers: { totalCount: 40 } } });
    expect(await stop(second.child)).toBe(0);
  });
});
