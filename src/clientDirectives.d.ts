// The site's own client directive, registered in astro.config.mjs.
import 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the person starts on the form, or when idle (src/client/hydrateOnInteraction.ts). */
    'client:interact'?: boolean;
  }
}
