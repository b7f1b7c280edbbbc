import type { Prototype } from '../schemas/index.ts';

export const PROTOTYPE_STATUS_LABELS: Record<Prototype['status'], string> = {
  idea: 'Idea',
  prototype: 'Prototype',
  pilot: 'Pilot',
};
