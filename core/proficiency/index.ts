export * from './level';
export * from './level-thresholds';
export * from './proficiency-facts';
export { weekKey, localDate } from './week-key';
export {
  practiceAchievements,
  practiceProgress,
  scoreOf,
  meetsBar,
  type PracticeAchievement,
} from './practice-rule';
export { assessSkillArea, strongestAdoption } from './assess-skill-area';
export {
  factsFromEvents,
  peopleAffectedBy,
  LEVEL_EVIDENCE_EVENTS,
  type WorkflowAuthorship,
} from './facts-from-events';
export type { StoredLevel, LevelChange, LevelChangeReason, LevelRepository } from './stored-level';
export { reassessLevels } from './reassess-levels';
export { assessPerson, levelThresholdsOf, workflowAuthorship, type PersonAssessment } from './assess-person';
export { withLevelTracking } from './with-level-tracking';
export { checkLapses, recomputeLevels } from './check-lapses';
