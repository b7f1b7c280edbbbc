import { describe, expect, it } from 'vitest';
import { editorFiles } from '../helpers/editorFormat.ts';

describe('content files', () => {
  // Otherwise the first edit of a file in the editor rewrites it whole (40 lines of YAML for one
  // new feature), and a reviewer cannot see in git what changed.
  it.each(editorFiles().map((f) => [f.file, f] as const))(
    '%s is kept as the editor writes it',
    (_file, { text, written }) => {
      expect(text).toBe(written);
    },
  );
});
