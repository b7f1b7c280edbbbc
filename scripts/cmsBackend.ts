/**
 * Decap's local git backend (decap-server, git mode) with three corrections, started by
 * `npm run cms` (scripts/cms.ts) on CMS_PORT, this computer only:
 *
 * - One request at a time, queued. decap-server already runs one git command at a time, but
 *   answers 500 "Request timed out" to a request that waited over 3 seconds: on a busy computer
 *   the editor's burst of requests (each entry a survey or finding links to) made saves fail.
 * - A draft's changes are those since it left `main` (admin/draftChanges.ts): a draft opened
 *   after an unrelated upload or publish still opens, and its own images travel with it.
 * - Images' public addresses (`/uploads/…`) are answered from git, so the preview shows an image
 *   that is still only on its draft's branch (admin/draftMedia.ts).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import express, { type NextFunction, type Request, type Response } from 'express';
// @ts-expect-error decap-server ships no type declarations.
import decapServer from 'decap-server/dist/middlewares.js';
import { draftChanges, statusFromLabel } from '../admin/draftChanges.ts';
import { branchesToSearch, mediaHeaders, uploadPath } from '../admin/draftMedia.ts';

const run = promisify(execFile);
const repo = path.resolve(process.env.GIT_REPO_DIRECTORY || process.cwd());
const git = async (...args: string[]) =>
  (await run('git', args, { cwd: repo, maxBuffer: 64 * 1024 * 1024 })).stdout;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** The editor page's origins decap-server itself allows: this computer only. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

let queue: Promise<void> = Promise.resolve();
/** Holds each request until the one before it has been answered. */
function oneAtATime(_req: Request, res: Response, next: NextFunction) {
  const previous = queue;
  queue = new Promise((done) => {
    res.once('finish', done);
    res.once('close', done);
    void previous.then(() => next());
  });
}

/** Decap's "what does this draft change?", answered from `main...cms/…`. */
async function unpublishedEntry(req: Request, res: Response, next: NextFunction) {
  const body = req.body as { action?: string; params?: Record<string, string | undefined> };
  if (body?.action !== 'unpublishedEntry') return next();
  const params = body.params ?? {};
  // Decap names a draft either by collection and slug or by its "collection/slug" id.
  const id = params.id ?? `${params.collection}/${params.slug}`;
  const collection = id.slice(0, id.indexOf('/'));
  const slug = id.slice(id.indexOf('/') + 1);
  const main = params.branch;
  if (!collection || !slug || !main || !SLUG.test(collection) || !/^[\w./-]+$/.test(main)) {
    return next();
  }
  if (slug.split('/').some((part) => !SLUG.test(part))) return next();
  const branch = `cms/${collection}/${slug}`;
  const exists = await git('branch', '--list', branch).catch(() => '');
  // No draft yet, or anything unusual: decap-server answers as it always did.
  if (!exists.trim()) return next();
  try {
    const range = `${main}...${branch}`;
    const diffs = draftChanges(
      await git('diff', '--no-renames', '--name-status', '-z', range),
      await git('diff', '--no-renames', '--numstat', '-z', range),
    );
    const label = await git('config', `branch.${branch}.description`).catch(() => '');
    const updatedAt = (await git('log', '-1', '--format=%cI', branch)).trim();
    const origin = req.headers.origin;
    if (origin && LOCAL_ORIGIN.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    res.json({
      collection,
      slug,
      status: label && statusFromLabel(label, params.cmsLabelPrefix),
      diffs,
      updatedAt,
    });
  } catch {
    next();
  }
}

/**
 * With CMS_PUBLISH_PUSH set to a remote's name, each Publish is pushed to that remote's copy of
 * the branch, so a live site following it (src/server/live/) shows the
 * change with no command after Publish. Off by default: pushing is the team's decision.
 */
const pushTo = process.env.CMS_PUBLISH_PUSH?.trim();
function pushAfterPublish(req: Request, res: Response, next: NextFunction) {
  const body = req.body as { action?: string; params?: { branch?: string } };
  const branch = body?.params?.branch;
  if (pushTo && body?.action === 'publishUnpublishedEntry' && branch) {
    res.once('finish', () => {
      if (res.statusCode !== 200) return;
      git('push', pushTo, `${branch}:${branch}`).then(
        () => console.log(`Published and pushed ${branch} to ${pushTo}.`),
        (error: Error) =>
          console.error(
            `Published here, but pushing ${branch} to ${pushTo} failed, so the live site does not have it yet:\n${error.message}`,
          ),
      );
    });
  }
  next();
}

/**
 * An image's public address (`/uploads/…`), answered from git for the editor's preview (the
 * development server passes these on to here, astro.config.mjs): the published branch's copy,
 * else the newest draft's that has it (admin/draftMedia.ts). Reading git objects by branch name
 * does not touch the working tree that decap-server switches, so it need not wait its turn.
 */
const PUBLISHED = process.env.PUBLIC_DECAP_BRANCH || 'main';
async function draftMedia(req: Request, res: Response) {
  const file = req.method === 'GET' ? uploadPath(req.originalUrl) : undefined;
  if (!file) return res.status(404).type('text/plain').send('Not found');
  const branches = await git(
    'for-each-ref',
    '--sort=-committerdate',
    '--format=%(refname:short)',
    'refs/heads/',
  ).catch(() => '');
  for (const branch of branchesToSearch(branches.split('\n').filter(Boolean), PUBLISHED)) {
    const blob = await run('git', ['cat-file', 'blob', `${branch}:${file}`], {
      cwd: repo,
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    }).catch(() => undefined);
    if (blob) return res.set(mediaHeaders(file)).send(blob.stdout);
  }
  res.status(404).type('text/plain').send('Not found');
}

const app = express();
app.use('/uploads/', draftMedia);
app.use(oneAtATime);
app.post('/api/v1', express.json({ limit: '50mb' }), pushAfterPublish, unpublishedEntry);
await (decapServer as { registerLocalGit(app: unknown): Promise<void> }).registerLocalGit(app);
const port = Number(process.env.PORT || 8081);
const host = process.env.BIND_HOST || '127.0.0.1';
app.listen(port, host, () => console.log(`Local backend for the editor on ${host}:${port}`));
