/** What each import counter means, in words (the API names them in camelCase). */
const COUNT_LABELS: Record<string, string> = {
  components: 'components',
  componentsCreated: 'new to the portfolio',
  versions: 'versions',
  versionsCreated: 'new versions',
  usagesInserted: 'usages added',
  usagesRemoved: 'usages removed',
  usagesInDocument: 'usages in the document',
  issues: 'problems noted',
  conflicts: 'data conflicts',
  edges: 'dependencies',
  edgesInserted: 'dependencies recorded',
};

export function countLabel(key: string): string {
  return COUNT_LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
