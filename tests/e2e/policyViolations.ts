import type { Page } from '@playwright/test';

/**
 * Records every Content-Security-Policy or Permissions-Policy complaint a page makes: the
 * `securitypolicyviolation` event (what the policy blocked) and console messages (what the
 * browser refused to apply, such as a directive it ignores). Returns the live list.
 */
export async function watchPolicyViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction('__sgPolicyViolation', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __sgPolicyViolation: (t: string) => void })
        .__sgPolicyViolation;
      report(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}` +
          ` (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/content security policy|permissions-policy|permissions policy/i.test(message.text())) {
      found.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    }
  });
  return found;
}
