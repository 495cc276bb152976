/** One schema rule broken by a document, located by JSON pointer (JSON) or line (XML). */
export interface SchemaViolation {
  path: string;
  message: string;
  line?: number;
}
