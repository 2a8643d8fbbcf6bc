// Runs `npm ci` only when package-lock.json changed since the last install here (or node_modules is gone), so that
// every build and every `./mvnw quarkus:dev` start does not reinstall the same packages. The lock file's SHA-256 is
// kept in node_modules/.timeline-lock.sha256 once npm ci succeeded.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = join(here, 'package-lock.json');
const stamp = join(here, 'node_modules', '.timeline-lock.sha256');
const digest = createHash('sha256').update(readFileSync(lock)).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest && existsSync(join(here, 'node_modules', 'vis-timeline'))) {
  console.log('webui: node_modules matches package-lock.json, npm ci skipped');
  process.exit(0);
}
const npm = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
if (npm.status !== 0) {
  process.exit(npm.status ?? 1);
}
writeFileSync(stamp, digest + '\n');
