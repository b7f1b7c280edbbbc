import os from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the run started: other work skews the numbers. */
  load: number[];
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${distro()})`,
    date: new Date().toISOString(),
    load: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function distro(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m);
    return line?.[1] ?? os.platform();
  } catch {
    return os.platform();
  }
}
