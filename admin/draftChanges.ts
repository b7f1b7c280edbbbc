/**
 * What a draft changes, for Decap's local git backend. decap-server compares `main` with the
 * draft's `cms/…` branch directly (`git diff main cms/…`), so a file that reached `main` after
 * the draft began (an upload, another published entry) looks deleted by the draft; the editor
 * then asks for that "media file" on the draft branch, gets a 500 (ENOENT) and shows "Loading
 * entry..." forever. The changes a draft makes are those since it left `main`: `main...cms/…`.
 * Pure parsing here; scripts/cmsBackend.ts runs git (tests/unit/draftChanges.test.ts).
 */

/** One changed file, in the shape Decap's editor reads from the local backend. */
export interface DraftChange {
  oldPath: string;
  newPath: string;
  status: 'added' | 'deleted' | 'modified';
  newFile: boolean;
  path: string;
  id: string;
  binary: boolean;
}

const STATUS = { A: 'added', D: 'deleted', M: 'modified' } as const;

/**
 * Reads `git diff --no-renames --name-status -z` and `--numstat -z` of the same range. numstat
 * gives "-" for the line counts of a binary file; SVG counts as media too, as in decap-server.
 */
export function draftChanges(nameStatus: string, numstat: string): DraftChange[] {
  const binary = new Set<string>();
  for (const record of numstat.split('\0')) {
    const [added, removed, file] = record.split('\t');
    if (file && added === '-' && removed === '-') binary.add(file);
  }
  const fields = nameStatus.split('\0').filter(Boolean);
  const changes: DraftChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = STATUS[fields[i][0] as keyof typeof STATUS] ?? 'modified';
    const file = fields[i + 1];
    changes.push({
      oldPath: status === 'added' ? '' : file,
      newPath: status === 'deleted' ? '' : file,
      status,
      newFile: status === 'added',
      path: file,
      id: file,
      binary: binary.has(file) || file.endsWith('.svg'),
    });
  }
  return changes;
}

/** Decap keeps a draft's status in its branch description, as "decap-cms/<status>". */
export function statusFromLabel(label: string, prefix = ''): string {
  return label.trim().slice((prefix || 'decap-cms/').length);
}
