export {
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  nextEntry,
  verifyChain,
  type ChainVerdict,
  type EvidenceEntry,
  type EvidenceFields,
} from './chain.js';
