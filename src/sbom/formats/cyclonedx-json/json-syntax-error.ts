import { UnreadableDocumentError } from '../../format.js';

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * JSON.parse reports where it stopped as "position N" (and, on newer Node, "line L column C");
 * both are turned into a line number, the one thing a user needs to find the fault.
 */
export function parseJsonDocument(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lineMatch = /line (\d+)/.exec(message);
    const positionMatch = /position (\d+)/.exec(message);
    let line: number | undefined;
    if (lineMatch) line = Number(lineMatch[1]);
    else if (positionMatch) line = lineAt(text, Number(positionMatch[1]));
    else if (/Unexpected end of JSON input/.test(message)) line = lineAt(text, text.length);
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    throw new UnreadableDocumentError(
      `${what} is not valid JSON${line === undefined ? '' : ` at line ${line}`}: ${reason}`,
      line,
    );
  }
}
