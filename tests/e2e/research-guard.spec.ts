import { expect, test } from '@playwright/test';
import { withSamples, workspaceApi, workspacePages } from './workspaceRoutes.ts';

const pages = workspacePages.map((url) => withSamples(url));
const api = workspaceApi.map((url) => withSamples(url));

test('the route list covers the workspace', () => {
  expect(pages).toEqual(
    expect.arrayContaining(['/research/', '/research/flags/', '/research/admin/audit/']),
  );
  expect(pages.length).toBeGreaterThan(10);
  expect(api.length).toBeGreaterThan(0);
});

test('without a session every researcher page sends you to sign in, and shows no data', async ({
  request,
}) => {
  for (const url of pages) {
    for (const method of ['get', 'post'] as const) {
      const response = await request[method](url, { maxRedirects: 0 });
      // Pages redirect to sign-in; a forged post may be refused outright. Never 200 with data.
      expect([303, 401, 403], `${method.toUpperCase()} ${url}`).toContain(response.status());
      if (response.status() === 303) {
        expect(response.headers().location).toMatch(/^\/research\/login/);
      }
      expect(await response.text()).not.toMatch(/receipt|answers|response_id/i);
    }
  }
});

test('without a session every researcher API answers 401', async ({ request }) => {
  for (const url of api) {
    for (const method of ['get', 'post'] as const) {
      const response = await request[method](url.replace(/\/$/, ''), { maxRedirects: 0 });
      expect([401, 403], `${method.toUpperCase()} ${url}`).toContain(response.status());
    }
  }
});
