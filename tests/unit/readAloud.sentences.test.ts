import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/components/survey/ReadAloud.tsx';

describe('sentences (what Read aloud says)', () => {
  it('ends each part with one full stop, so the voice pauses between them', () => {
    expect(sentences(['Error: Select your role', 'What is your role?', 'Social worker'])).toBe(
      'Error: Select your role. What is your role? Social worker.',
    );
  });

  it('adds no second stop after a part that ends its own sentence, and skips empty parts', () => {
    expect(sentences(['Choose how part 1 felt.', '', '  ', 'How did it feel?'])).toBe(
      'Choose how part 1 felt. How did it feel?',
    );
  });
});
