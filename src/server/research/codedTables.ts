/**
 * Where the coding of an item is kept. Survey responses and journey maps are rows of `responses`,
 * coded in answer_codes and excerpts; prototype feedback is a row of `feedback`, coded in
 * feedback_codes and feedback_excerpts (src/server/migrations/feedbackCoding.ts). The columns
 * are the same but the owner's, so one set of coding functions serves both.
 */
export interface CodedTables {
  /** Whole answers' codes. */
  answers: 'answer_codes' | 'feedback_codes';
  /** Coded passages. */
  excerpts: 'excerpts' | 'feedback_excerpts';
  /** The column naming the coded item. */
  owner: 'response_id' | 'feedback_id';
}

export const RESPONSE_CODING: CodedTables = {
  answers: 'answer_codes',
  excerpts: 'excerpts',
  owner: 'response_id',
};

export const FEEDBACK_CODING: CodedTables = {
  answers: 'feedback_codes',
  excerpts: 'feedback_excerpts',
  owner: 'feedback_id',
};

/** Every place a code is applied: counts, merges and deletions cover them all. */
export const ALL_CODING = [RESPONSE_CODING, FEEDBACK_CODING] as const;
