export type { Session, SessionStatus, StepRecord } from './session';
