export { PRODUCT_CATEGORIES, findCategory, type ProductCategory, type ProductClass } from './categories.js';
export {
  classify,
  conformityRoutes,
  suggestCategories,
  type Classification,
  type ConformityRoute,
  type RouteDecision,
  type RouteFacts,
} from './classification.js';
export {
  SUPPORT_FACTORS,
  checkSupportPeriod,
  documentationRetention,
  securityUpdateRetention,
  lastDayOfMonth,
  parseDay,
  type SupportFactor,
  type SupportFinding,
  type SupportPeriodInput,
} from './support-period.js';
export { decideRole, type OperatorRole, type RoleAnswers, type ScopeDecision } from './operator-role.js';
