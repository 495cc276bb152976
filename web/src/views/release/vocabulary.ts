export const EXPLOITATION_LABELS: Record<string, string> = {
  distribution: 'Distribution (source and binary)',
  'distribution-source': 'Distribution, source only',
  'distribution-binary': 'Distribution, binary only',
  network: 'Network access',
  internal: 'Internal use',
};

export const LINKING_LABELS: Record<string, string> = {
  aggregation: 'Mere aggregation',
  dynamic: 'Dynamic linking',
  static: 'Static linking',
  mingled: 'Mingled source',
};

export const MODIFICATION_LABELS: Record<string, string> = {
  unmodified: 'Not modified',
  modified: 'Modified',
};

export const USAGE_STATUS_LABELS: Record<string, string> = {
  auto: 'As imported',
  validated: 'Validated by a person',
  ignored: 'Ignored',
};
