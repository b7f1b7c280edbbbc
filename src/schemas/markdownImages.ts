/**
 * Images in a Markdown body must say what they show (alternative text) or be marked decorative
 * on purpose. The body is not front matter, so the content schemas never see it: the content
 * loader (src/content.config.ts) and the editor (admin/entryProblems.ts) both call this.
 *
 * Two ways are accepted, the two the editor's image control writes:
 * - `![What the picture shows](/uploads/x.png)`: an image with alternative text;
 * - `<img src="/uploads/x.png" alt="">`: a decorative image, chosen explicitly.
 */
const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;

/** One message per image without alternative text, naming the image and how to fix it. */
export function imagesWithoutAlt(body: string): string[] {
  const problems: string[] = [];
  for (const [, alt, src] of body.matchAll(MARKDOWN_IMAGE)) {
    if (!alt.trim()) {
      problems.push(
        `the image ${src || '(no file)'} has no alternative text: describe what it shows, or mark it decorative`,
      );
    }
  }
  for (const [tag] of body.matchAll(HTML_IMAGE)) {
    if (!/\salt\s*=\s*("[^"]*"|'[^']*')/i.test(tag)) {
      const src = /\ssrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '(no file)';
      problems.push(
        `the image ${src} has no alt attribute: describe what it shows, or write alt="" to mark it decorative`,
      );
    }
  }
  return problems;
}
