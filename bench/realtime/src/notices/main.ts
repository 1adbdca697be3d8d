import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { generateRandomToken } from "@teamaround/auth";
import {
  createDatabase,
  type DatabaseHandle,
  enqueueNotice,
  migrateDatabase,
  notices,
  users,
} from "@teamaround/db";
import { buildAuthority } from "@teamaround/db/testing";
import { createNoticeWorker, createSmtpTransport, type NoticeWorker } from "@teamaround/notices";
import { startTestSmtpServer } from "@teamaround/notices/testing";
import { count, eq } from "drizzle-orm";
import pino from "pino";
import postgres from "postgres";

const usage = `pnpm bench:notices [--notices 5000] [--workers 2] [--batch 20] [--concurrency 4]

Measures how many notices per second the outbox worker sends on PostgreSQL:
a fresh database teamaround_bench_notices_<random> on DATABASE_URL's server
(default postgres://postgres@127.0.0.1:5432/test), N due staff invitations
written with enqueueNotice, and W workers (each with its own connection pool,
as separate nodes would have) sending through nodemailer to a real SMTP
server in this process (smtp-server). Prints the figure; drops the database.`;

function readOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      notices: { type: "string", default: "5000" },
      workers: { type: "string", default: "2" },
      batch: { type: "string", default: "20" },
      concurrency: { type: "string", default: "4" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;
  const int = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  return {
    notices: int("notices", values.notices),
    workers: int("workers", values.workers),
    batch: int("batch", values.batch),
    concurrency: int("concurrency", values.concurrency),
    serverUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  };
}

async function writeNotices(handle: DatabaseHandle, total: number, dueAt: Date) {
  const authority = await buildAuthority(handle.db);
  const [user] = await handle.db
    .insert(users)
    .values({
      authorityId: authority.id,
      email: "bench.recipient@example.test",
      displayName: "Bench recipient",
      role: "practitioner",
      status: "invited",
    })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  for (let written = 0; written < total; ) {
    const size = Math.min(1000, total - written);
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < size; i++) {
        await enqueueNotice(tx, {
          authorityId: authority.id,
          recipient: { userId: user.id },
          content: {
            kind: "staff_invitation",
            variables: {
              token: generateRandomToken(),
              expiresAt: "2040-01-01T00:00:00.000Z",
            },
          },
          dueAt,
        });
      }
    });
    written += size;
  }
}

async function sentCount(handle: DatabaseHandle) {
  const [row] = await handle.db
    .select({ n: count() })
    .from(notices)
    .where(eq(notices.status, "sent"));
  return row?.n ?? 0;
}

async function main() {
  const options = readOptions(process.argv.slice(2).filter((a) => a !== "--"));
  if (!options) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const name = `teamaround_bench_notices_${randomBytes(4).toString("hex")}`;
  const admin = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  const handles: DatabaseHandle[] = [];
  const smtp = await startTestSmtpServer({ parse: false });
  try {
    const main = await createDatabase({ kind: "postgres", url: url.toString() });
    handles.push(main);
    await migrateDatabase(main);
    const dueAt = new Date();
    const writeStart = performance.now();
    await writeNotices(main, options.notices, dueAt);
    const writeMs = performance.now() - writeStart;

    const workers: NoticeWorker[] = [];
    for (let w = 0; w < options.workers; w++) {
      const handle = await createDatabase({
        kind: "postgres",
        url: url.toString(),
        maxConnections: options.concurrency + 2,
      });
      handles.push(handle);
      workers.push(
        createNoticeWorker({
          db: handle.db,
          transport: createSmtpTransport({
            smtpUrl: smtp.url,
            mailFrom: "Teamaround <bench@example.test>",
            maxConnections: options.concurrency,
          }),
          logger: pino({ level: "warn" }),
          publicOrigin: "https://teamaround.bench",
          batchSize: options.batch,
          concurrency: options.concurrency,
          pollMs: 50,
        }),
      );
    }
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (const worker of workers) worker.start();
    const deadline = Date.now() + 30 * 60_000;
    let sent = 0;
    while (sent < options.notices && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      sent = await sentCount(main);
    }
    const elapsedMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    await Promise.all(workers.map((worker) => worker.stop()));

    const perSecond = (sent / elapsedMs) * 1000;
    const lines = [
      "",
      `notices written: ${options.notices} (enqueueNotice in transactions of 1000, ${Math.round((options.notices / writeMs) * 1000)}/s)`,
      `workers: ${options.workers} × batch ${options.batch} × concurrency ${options.concurrency}, SMTP to smtp-server in this process`,
      `sent: ${sent} in ${(elapsedMs / 1000).toFixed(1)} s → ${perSecond.toFixed(0)} notices/s`,
      `accepted by the SMTP server: ${smtp.accepted} (each notice once: ${smtp.accepted === sent ? "yes" : "NO"})`,
      `this process's CPU (workers, SMTP server, nodemailer): ${((cpu.user + cpu.system) / 1000 / elapsedMs).toFixed(2)} cores`,
      "",
    ];
    process.stdout.write(lines.join("\n"));
  } finally {
    for (const handle of handles) await handle.close();
    await smtp.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
