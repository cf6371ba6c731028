import type { CaptureInterview } from './interview';

export interface CaptureInterviewRepository {
  create(interview: CaptureInterview): Promise<void>;
  /** Writes the interview if its stored version is still `interview.version - 1`; false when someone else won. */
  compareAndSet(interview: CaptureInterview): Promise<boolean>;
  get(tenantId: string, interviewId: string): Promise<CaptureInterview | null>;
  /** The author's latest interview still being answered or drafted, if any. */
  findOpenForAuthor(tenantId: string, authorId: string): Promise<CaptureInterview | null>;
}
