/// <reference types="astro/client" />

type DisplayPreferences = { text: string; contrast: string; spacing: string };

interface Window {
  /** Defined by src/client/displayPreferences.js, written into the head of every page. */
  sgPreferences?: {
    read(): DisplayPreferences;
    save(prefs: DisplayPreferences): void;
    apply(prefs: DisplayPreferences): void;
    choices: Record<keyof DisplayPreferences, string[]>;
  };
}

declare namespace App {
  interface Locals {
    /** The signed-in researcher, set by src/middleware.ts on /research/ and /api/research/. */
    researcher?: { id: number; email: string; role: 'admin' | 'researcher' };
    /** The token every state-changing researcher form must send back (name="csrf"). */
    csrfToken?: string;
  }
}
