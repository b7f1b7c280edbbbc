import { describe, expect, it } from 'vitest';
import { draftChanges, statusFromLabel } from '../../admin/draftChanges.ts';

describe('what a draft changes', () => {
  it('lists the files the draft added or changed, with its images as media', () => {
    const nameStatus =
      'M\0content/findings/a.md\0A\0public/uploads/map.png\0A\0public/uploads/icon.svg\0';
    const numstat =
      '1\t1\tcontent/findings/a.md\0-\t-\tpublic/uploads/map.png\0' +
      '3\t0\tpublic/uploads/icon.svg\0';
    expect(draftChanges(nameStatus, numstat)).toEqual([
      {
        oldPath: 'content/findings/a.md',
        newPath: 'content/findings/a.md',
        status: 'modified',
        newFile: false,
        path: 'content/findings/a.md',
        id: 'content/findings/a.md',
        binary: false,
      },
      {
        oldPath: '',
        newPath: 'public/uploads/map.png',
        status: 'added',
        newFile: true,
        path: 'public/uploads/map.png',
        id: 'public/uploads/map.png',
        binary: true,
      },
      {
        oldPath: '',
        newPath: 'public/uploads/icon.svg',
        status: 'added',
        newFile: true,
        path: 'public/uploads/icon.svg',
        id: 'public/uploads/icon.svg',
        binary: true,
      },
    ]);
  });

  it('a file the draft deleted has no new path', () => {
    expect(draftChanges('D\0public/uploads/old.png\0', '-\t-\tpublic/uploads/old.png\0')).toEqual([
      expect.objectContaining({
        status: 'deleted',
        oldPath: 'public/uploads/old.png',
        newPath: '',
      }),
    ]);
  });

  it('no changes, no entries', () => {
    expect(draftChanges('', '')).toEqual([]);
  });

  it("reads the draft's status from its branch description", () => {
    expect(statusFromLabel('decap-cms/pending_review\n')).toBe('pending_review');
    expect(statusFromLabel('team/draft', 'team/')).toBe('draft');
  });
});
