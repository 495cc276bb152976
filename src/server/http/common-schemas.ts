/** Schema fragments shared by several resources: they belong to the API contract (src/api-contract, ADR 0033). */
export {
  DELETED,
  EXPLOITATION,
  ID,
  ID_PARAMS,
  LINKING,
  NAME,
  NULLABLE_NAME,
  NULLABLE_PURL_OR_NAME,
  NULLABLE_STRING,
  OPEN_OBJECT,
  STRING_LIST,
  TEXT,
  listOf,
} from '../../api-contract/json-schema.js';
