import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirError, prepareDataDir } from '../../src/server/dataDir.ts';

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));
const newScratch = () => (scratch = mkdtempSync(path.join(tmpdir(), 'sg-datadir-')));

describe('the data folder', () => {
  it('is ./data by default, created on first start', () => {
    const cwd = newScratch();
    expect(prepareDataDir(undefined, cwd)).toBe(path.join(cwd, 'data'));
    expect(existsSync(path.join(cwd, 'data'))).toBe(true);
  });

  it('uses an existing DATA_DIR as given', () => {
    const dir = newScratch();
    expect(prepareDataDir(dir)).toBe(dir);
  });

  it('refuses a DATA_DIR that does not exist, naming it', () => {
    const missing = path.join(newScratch(), 'not-mounted');
    expect(() => prepareDataDir(missing)).toThrow(DataDirError);
    expect(() => prepareDataDir(missing)).toThrow(`The data folder ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a DATA_DIR that is a file', () => {
    const file = path.join(newScratch(), 'file.txt');
    writeFileSync(file, '');
    expect(() => prepareDataDir(file)).toThrow(`The data folder ${file} is a file, not a folder`);
  });

  it('refuses a folder it cannot write to, saying why', () => {
    newScratch();
    // sysfs's root refuses new files even to root, which chmod cannot arrange for a root test.
    expect(() => prepareDataDir('/sys')).toThrow(
      /The data folder \/sys is not writable \(E[A-Z]+\)/,
    );
  });
});
