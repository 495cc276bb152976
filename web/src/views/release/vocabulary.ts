export const EXPLOITATION_LABELS: Record<string, string> = {
  'distribution': 'Distribution (source and binary)',
  'distribution-source': 'Distribution, source only',
  'distribution-binary': 'Distribution, binary only',
  'network': 'Network access',
  'internal': 'Internal use',
};
