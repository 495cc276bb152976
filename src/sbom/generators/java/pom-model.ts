// Reads the parts of a pom.xml the inventory needs, through the project's safe XML reader (no DTD,
// no entity expansion).
import { readXml, unescapeXml, type XmlNode } from '../../formats/cyclonedx-xml/read-xml.js';
import { UnreadableDocumentError } from '../../format.js';
import { LockfileError } from '../core/lockfile-error.js';

export interface PomDependency {
  groupId?: string;
  artifactId?: string;
  version?: string;
  type?: string;
  classifier?: string;
  scope?: string;
  optional?: string;
}

export interface Pom {
  groupId?: string;
  artifactId?: string;
  version?: string;
  packaging?: string;
  name?: string;
  licenses: string[];
  parent?: { groupId?: string; artifactId?: string; version?: string; relativePath?: string };
  properties: Map<string, string>;
  dependencies: PomDependency[];
  managed: PomDependency[];
}

const children = (node: XmlNode | undefined, name: string): XmlNode[] => (node?.[name] as XmlNode[] | undefined) ?? [];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => children(node, name)[0];
function text(node: XmlNode | undefined, name: string): string | undefined {
  const value = child(node, name)?.['#text'];
  return typeof value === 'string' && value !== '' ? unescapeXml(value) : undefined;
}

function dependencyOf(node: XmlNode): PomDependency {
  const d: PomDependency = {};
  for (const key of ['groupId', 'artifactId', 'version', 'type', 'classifier', 'scope', 'optional'] as const) {
    const v = text(node, key);
    if (v !== undefined) d[key] = v;
  }
  return d;
}

export function parsePom(path: string, text_: string): Pom {
  let root: XmlNode;
  try {
    root = readXml(text_, path);
  } catch (err) {
    if (err instanceof UnreadableDocumentError)
      throw new LockfileError(
        path,
        err.message.replace(`${path} is not well-formed XML at line ${err.line}: `, 'not well-formed XML: '),
        err.line ?? 1,
      );
    throw err;
  }
  const project = child(root, 'project');
  if (!project) throw new LockfileError(path, 'not a Maven POM: the root element is not <project>', 1);
  const properties = new Map<string, string>();
  for (const [key, value] of Object.entries(child(project, 'properties') ?? {})) {
    if (key === '@' || key === '#text' || !Array.isArray(value)) continue;
    const t = (value[0] as XmlNode)['#text'];
    properties.set(key, typeof t === 'string' ? unescapeXml(t) : '');
  }
  const parentNode = child(project, 'parent');
  return {
    groupId: text(project, 'groupId'),
    artifactId: text(project, 'artifactId'),
    version: text(project, 'version'),
    packaging: text(project, 'packaging'),
    name: text(project, 'name'),
    licenses: children(child(project, 'licenses'), 'license')
      .map((l) => text(l, 'name'))
      .filter((n): n is string => !!n),
    ...(parentNode && {
      parent: {
        groupId: text(parentNode, 'groupId'),
        artifactId: text(parentNode, 'artifactId'),
        version: text(parentNode, 'version'),
        relativePath: child(parentNode, 'relativePath') ? (text(parentNode, 'relativePath') ?? '') : undefined,
      },
    }),
    properties,
    dependencies: children(child(project, 'dependencies'), 'dependency').map(dependencyOf),
    managed: children(child(child(project, 'dependencyManagement'), 'dependencies'), 'dependency').map(dependencyOf),
  };
}
