import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The editor's local backend (scripts/cmsBackend.ts) on a throwaway repository whose origin is a
 * bare repository, spoken to as Decap's editor does. The browser round trip is in
 * tests/e2e/cms.spec.ts; these cases need a busy repository that the browser test cannot stage.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
// A port from the range this checkout's hand-started servers use (TEST_PORT + 50 to 99).
const PORT = Number(process.env.TEST_PORT || 4399) + 73;
const API = `http://127.0.0.1:${PORT}/api/v1`;
let dir: string;
let repo: string;
let bare: string;
let backend: ChildProcess;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function call(action: string, params: Record<string, unknown>) {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:4321' },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  });
  return { status: response.status, body: await response.json() };
}

const png = (n: number) => ({
  content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, n]).toString('base64'),
  encoding: 'base64',
});

function saveDraft(slug: string, assets: { path: string; content: string; encoding: string }[]) {
  const file = `content/findings/${slug}.md`;
  return call('persistEntry', {
    entry: { slug, path: file, raw: `---\ntitle: ${slug}\n---\n` },
    assets,
    options: {
      collectionName: 'findings',
      commitMessage: `Create Findings “${slug}”`,
      useWorkflow: true,
      status: 'draft',
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-cms-backend-'));
  repo = path.join(dir, 'repo');
  bare = path.join(dir, 'origin.git');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  git(repo, 'config', 'user.name', 'Test Researcher');
  git(repo, 'config', 'user.email', 'researcher@example.com');
  writeFileSync(path.join(repo, 'README.md'), 'Content\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Start');
  execFileSync('git', ['clone', '-q', '--bare', repo, bare]);
  git(repo, 'remote', 'add', 'origin', bare);
  backend = spawn(process.execPath, [path.join(ROOT, 'scripts/cmsBackend.ts')], {
    env: {
      ...process.env,
      GIT_REPO_DIRECTORY: repo,
      PORT: String(PORT),
      BIND_HOST: '127.0.0.1',
      CMS_PUBLISH_PUSH: 'origin',
    },
    stdio: 'ignore',
  });
  for (let i = 0; ; i++) {
    const up = await call('info', {}).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 300) throw new Error('The local backend did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 90_000);

afterAll(() => {
  backend?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the editor local backend', () => {
  it("keeps a draft's image on its branch, and the draft still opens after main gains files", async () => {
    expect((await saveDraft('early', [])).status).toBe(200);
    const image = { path: 'public/uploads/map.png', ...png(1) };
    expect((await saveDraft('with-image', [image])).status).toBe(200);
    // The image is on the draft's branch, not on main.
    expect(git(repo, 'ls-tree', '--name-only', '-r', 'cms/findings/with-image')).toContain(
      'public/uploads/map.png',
    );
    expect(git(repo, 'ls-tree', '--name-only', '-r', 'main')).not.toContain('public/uploads');

    // Publishing it brings the image to main (and pushes main to origin).
    expect(
      (await call('publishUnpublishedEntry', { collection: 'findings', slug: 'with-image' }))
        .status,
    ).toBe(200);
    expect(git(repo, 'ls-tree', '--name-only', '-r', 'main')).toContain('public/uploads/map.png');

    // An unrelated upload straight to main, as the Media page does.
    const upload = await call('persistMedia', {
      asset: { path: 'public/uploads/other.png', ...png(2) },
      options: { commitMessage: 'Upload “other.png”' },
    });
    expect(upload.status).toBe(200);

    // The earlier draft lists only its own file, so each file it names can be read from it.
    const draft = await call('unpublishedEntry', { collection: 'findings', slug: 'early' });
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    expect(draft.body.diffs.map((d: { path: string }) => d.path)).toEqual([
      'content/findings/early.md',
    ]);
    const data = await call('unpublishedEntryDataFile', {
      collection: 'findings',
      slug: 'early',
      id: 'content/findings/early.md',
      path: 'content/findings/early.md',
    });
    expect(data.body.data).toContain('title: early');
  });

  it('pushes each Publish to the remote named in CMS_PUBLISH_PUSH', async () => {
    expect((await saveDraft('pushed', [])).status).toBe(200);
    await call('updateUnpublishedEntryStatus', {
      collection: 'findings',
      slug: 'pushed',
      newStatus: 'pending_publish',
    });
    expect(
      (await call('publishUnpublishedEntry', { collection: 'findings', slug: 'pushed' })).status,
    ).toBe(200);
    const main = git(repo, 'rev-parse', 'main').trim();
    await expect.poll(() => git(bare, 'rev-parse', 'main').trim(), { timeout: 30_000 }).toBe(main);
    expect(git(bare, 'ls-tree', '--name-only', '-r', 'main')).toContain(
      'content/findings/pushed.md',
    );
  });

  it("serves an image's public address from its draft's branch, and nothing outside uploads", async () => {
    const image = { path: 'public/uploads/draft-only.png', ...png(7) };
    expect((await saveDraft('draft-image', [image])).status).toBe(200);
    const response = await fetch(`http://127.0.0.1:${PORT}/uploads/draft-only.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(image.content, 'base64'));
    for (const url of ['/uploads/missing.png', '/uploads/..%2fREADME.md', '/uploads/%2e%2e/x']) {
      expect((await fetch(`http://127.0.0.1:${PORT}${url}`)).status, url).toBe(404);
    }
  });

  it('answers one request at a time: a burst of reads all succeed', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        call('entriesByFolder', { folder: 'content/findings', extension: 'md', depth: 1 }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });
});
