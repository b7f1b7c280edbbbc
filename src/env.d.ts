/// <reference types="astro/client" />

type DisplayPreferences = { text: string; contrast: string; spacing: string };

interface Window {
  /** Defined by public/scripts/preferences.js, loaded in the head of every page. */
  sgPreferences?: {
    read(): DisplayPreferences;
    save(prefs: DisplayPreferences): void;
    apply(prefs: DisplayPreferences): void;
    choices: Record<keyof DisplayPreferences, string[]>;
  };
}
