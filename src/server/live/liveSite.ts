import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildRelease, fetchBranch, type ReleasePaths } from './buildRelease.ts';
import type { LiveSettings } from './liveSettings.ts';
import { readLiveStatus, shortCommit, writeLiveStatus, type LiveStatus } from './liveStatus.ts';
import { newBackend, type ReleaseProxy } from './releaseProxy.ts';
import { hasBuild, startSiteProcess, type SiteProcess } from './siteProcess.ts';

export const STATUS_FILE = 'status.json';

/**
 * Follows the content branch and keeps the newest version that builds live, without the site
 * ever stopping to answer for it. `check()` fetches the branch; a commit it has
 * not tried yet is built into a new folder, started beside the running one, and the proxy
 * switches to it only once it answers; the old one then finishes its requests and stops. A build
 * that fails changes nothing but the status the researcher workspace shows.
 */
export class LiveSite {
  readonly #settings: LiveSettings;
  readonly #paths: ReleasePaths;
  readonly #proxy: ReleaseProxy;
  readonly #siteEnv: NodeJS.ProcessEnv;
  readonly #statusFile: string;
  #status: LiveStatus;
  #running: { site: SiteProcess; dir: string } | undefined;
  #checking: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #onUnexpectedExit: (code: number | null) => void = () => undefined;
  readonly #abort = new AbortController();

  constructor(
    settings: LiveSettings,
    appDir: string,
    proxy: ReleaseProxy,
    siteEnv: NodeJS.ProcessEnv,
  ) {
    this.#settings = settings;
    this.#paths = { appDir, liveDir: settings.liveDir };
    this.#proxy = proxy;
    this.#statusFile = path.join(settings.liveDir, STATUS_FILE);
    this.#siteEnv = { ...siteEnv, LIVE_STATUS_FILE: this.#statusFile };
    mkdirSync(settings.liveDir, { recursive: true });
    this.#status = readLiveStatus(this.#statusFile);
    delete this.#status.building;
  }

  /** Serves the last version that went live (or the site's own build), before looking for news. */
  async start(onUnexpectedExit: (code: number | null) => void): Promise<void> {
    this.#onUnexpectedExit = onUnexpectedExit;
    const last = this.#status.live?.release;
    const dir = last && hasBuild(last) ? last : this.#paths.appDir;
    if (dir === this.#paths.appDir) delete this.#status.live;
    await this.#goLive(dir);
    this.#save();
  }

  /** Looks for a new version now; calls made while one runs fold into one more run after it. */
  check(): Promise<void> {
    if (this.#checking) {
      this.#again = true;
      return this.#checking;
    }
    this.#checking = (async () => {
      do {
        this.#again = false;
        await this.#checkOnce();
      } while (this.#again && !this.#stopped);
    })().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #checkOnce(): Promise<void> {
    const fetched = await fetchBranch(
      this.#paths,
      this.#settings.repository,
      this.#settings.branch,
    );
    if (!fetched.ok) {
      this.#status.unreachable = { at: new Date().toISOString(), reason: fetched.reason };
      console.error(`Live updates: the content repository could not be read: ${fetched.reason}`);
      return this.#save();
    }
    delete this.#status.unreachable;
    const version = fetched.version;
    // A commit already live, or already refused, is not built again: the next publish is.
    if (version.commit === this.#status.live?.commit) return this.#save();
    if (version.commit === this.#status.failed?.commit) return this.#save();

    console.log(`Live updates: building ${shortCommit(version.commit)} (${version.subject}).`);
    this.#status.building = { ...version, startedAt: new Date().toISOString() };
    this.#save();
    const built = await buildRelease(this.#paths, version.commit, this.#abort.signal);
    delete this.#status.building;
    if (this.#stopped) return;
    if (!built.ok) {
      console.error(
        `Live updates: ${shortCommit(version.commit)} did not go live. ${built.reason}`,
      );
      this.#status.failed = {
        ...version,
        at: new Date().toISOString(),
        reason: built.reason,
        detail: built.detail,
      };
      return this.#save();
    }
    let retired: Promise<void>;
    try {
      ({ retired } = await this.#goLive(built.release));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      rmSync(built.release, { recursive: true, force: true });
      this.#status.failed = {
        ...version,
        at: new Date().toISOString(),
        reason: 'The site was built from it but did not start.',
        detail,
      };
      return this.#save();
    }
    this.#status.live = { ...version, since: new Date().toISOString(), release: built.release };
    delete this.#status.failed;
    console.log(`Live updates: ${shortCommit(version.commit)} is live.`);
    // New requests already reach the new build, so the status says so now, not once the old
    // build has finished its last request; its folder goes only after it has stopped.
    this.#save();
    await retired;
    this.#removeOldReleases();
  }

  /**
   * Starts `dir` and switches new requests to it. `retired` settles once the previous build has
   * finished its requests and stopped.
   */
  async #goLive(dir: string): Promise<{ retired: Promise<void> }> {
    const site = await startSiteProcess(dir, this.#siteEnv);
    const previous = this.#running;
    this.#running = { site, dir };
    void site.exited.then((code) => {
      if (this.#running?.site === site && !this.#stopped) this.#onUnexpectedExit(code);
    });
    const old = this.#proxy.switchTo(newBackend(site.port));
    if (!old || !previous) return { retired: Promise.resolve() };
    const retired = this.#proxy.whenIdle(old).then(async () => {
      previous.site.child.kill('SIGTERM');
      await previous.site.exited;
    });
    return { retired };
  }

  /** Keeps the running build's folder only; failed builds remove their own. */
  #removeOldReleases() {
    const releases = path.join(this.#paths.liveDir, 'releases');
    for (const name of readdirSync(releases)) {
      const dir = path.join(releases, name);
      if (dir !== this.#running?.dir) rmSync(dir, { recursive: true, force: true });
    }
  }

  #save() {
    writeLiveStatus(this.#statusFile, this.#status);
  }

  /** Stops looking for versions; the running build is stopped by the caller's signal handling. */
  async stop(): Promise<SiteProcess | undefined> {
    this.#stopped = true;
    this.#abort.abort();
    return this.#running?.site;
  }
}
