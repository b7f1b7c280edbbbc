/** One link of the workspace's own menu (src/layouts/Workspace.astro). */
export interface NavigationItem {
  href: string;
  text: string;
  /** This page, or a page under it: shown as the current section. */
  current: boolean;
}

const LINKS = [
  { href: '/research/', text: 'Overview', admin: false },
  { href: '/research/flags/', text: 'Safeguarding flags', admin: false },
  { href: '/research/moderation/', text: 'Moderation', admin: false },
  { href: '/research/account/', text: 'Your account', admin: false },
  { href: '/research/admin/accounts/', text: 'Researcher accounts', admin: true },
  { href: '/research/admin/audit/', text: 'Audit log', admin: true },
];

/**
 * The workspace menu for a page: administrators also see the admin pages. The overview is
 * current only on itself, since every workspace page is under /research/.
 */
export function workspaceNavigation(pathname: string, isAdmin: boolean): NavigationItem[] {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return LINKS.filter((link) => isAdmin || !link.admin).map(({ href, text }) => ({
    href,
    text,
    current: href === '/research/' ? path === href : path.startsWith(href),
  }));
}
