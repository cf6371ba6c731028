import { AppError } from '../errors';
import type { RubricCriterion } from '../workflows';
import { REVIEW_COMMENT_MAX_CHARS } from './review';

export type ReviewInput = { scores: Record<string, unknown>; comment?: string | null };

export type ValidReview = { scores: Record<string, number>; meanScore: number; comment: string | null };

/** One whole score from 1 to 5 for every criterion of the rubric and nothing else; an optional, bounded comment. */
export function validateReview(rubric: readonly RubricCriterion[], input: ReviewInput): ValidReview {
  const known = new Set(rubric.map((criterion) => criterion.id));
  const unknown = Object.keys(input.scores).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_input',
      `${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not part of this workflow's rubric; score ${rubric.map((criterion) => `"${criterion.id}"`).join(', ')}.`,
    );
  }
  const scores: Record<string, number> = {};
  for (const criterion of rubric) {
    const value = input.scores[criterion.id];
    if (value === undefined)
      throw new AppError('invalid_input', `Please score "${criterion.criterion}" from 1 to 5.`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
      throw new AppError('invalid_input', `"${criterion.criterion}" needs a whole number from 1 to 5.`);
    scores[criterion.id] = value;
  }
  const comment = input.comment?.trim() ?? '';
  if (comment.length > REVIEW_COMMENT_MAX_CHARS)
    throw new AppError(
      'invalid_input',
      `Please keep the comment under ${REVIEW_COMMENT_MAX_CHARS} characters (it has ${comment.length}).`,
    );
  const values = Object.values(scores);
  return {
    scores,
    meanScore: Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100,
    comment: comment === '' ? null : comment,
  };
}
