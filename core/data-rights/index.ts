export {
  FORMER_COLLEAGUE_ID,
  FORMER_COLLEAGUE_NAME,
  type ErasureCounts,
  type PersonDataRepository,
  type PersonDataSnapshot,
  type PersonStatement,
  type VoidingStatementFactory,
} from './person-data';
export { exportPersonData } from './export-person-data';
export { erasePerson, type ErasureReceipt, type StatementsOnLrs } from './erase-person';
