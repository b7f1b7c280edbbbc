import { z } from 'astro/zod';
import { activityFields, closesAfterOpens, optionalGroup, slugId, text } from './common.ts';
import { checkEasyRead, easyReadPictureSchema } from './easyRead.ts';

const role = z.object({ value: slugId, label: text(100), easyRead: text(100).optional() });

export const journeySchema = z
  .object({
    ...activityFields,
    /** Roles a participant can pick for "who was involved" at each stage. */
    involvedRoles: z.array(role).min(2, 'must list at least two roles'),
    /** Roles a participant can describe themselves as. */
    participantRoles: z.array(role).min(1, 'must list at least one role'),
    /** Stages offered as a starting point; participants may also start from a blank map. */
    suggestedStages: z
      .array(
        z.object({
          name: text(80),
          prompt: text(300).optional(),
          easyRead: text(80).optional(),
          easyReadPrompt: text(300).optional(),
          /** The picture beside the stage's prompt in easy read. */
          picture: optionalGroup(easyReadPictureSchema),
        }),
      )
      .max(30, 'must have at most 30 stages'),
    /** Character limit for each free-text answer about a stage. */
    textMaxLength: z.number().int().min(100).max(5000),
  })
  .strict()
  .superRefine((journey, ctx) => {
    closesAfterOpens(journey, ctx);
    checkEasyRead(journey, ctx);
  });

export type Journey = z.output<typeof journeySchema>;
