/**
 * Which projects of a multi-project document each component belongs to (issue 9): the inventory of
 * a repository with several lockfiles (`vigie sbom generate <dir>`) has a primary component holding
 * one sub-component per project found, and each project depends on its own packages. A component
 * belongs to every project whose dependency graph reaches it, so a package two services share is a
 * usage in each of them (each may be exploited differently: exploitation rules are per project).
 * A component no project's graph reaches (a file without a graph, such as go.mod's indirect
 * requirements) belongs to the projects whose file its evidence names.
 */
import type { Component, Sbom } from '../model/index.js';
import { adjacency, allComponents } from '../sbom/graph.js';

export interface ProjectMembership {
  /** Project name by the ref of its sub-component (root edges from that ref belong to it). */
  projectOfRef: Map<string, string>;
  /** Project names of each component ref the projects reach, in name order. */
  projectsOf: Map<string, string[]>;
}

/**
 * The projects are the sub-components of the primary component that it depends on (files it
 * contains, as SPDX documents nest them, are no projects). Undefined when there are none.
 */
export function projectMembership(sbom: Sbom): ProjectMembership | undefined {
  const primary = sbom.metadata.component;
  if (!primary?.components?.length) return undefined;
  const graph = adjacency(sbom);
  const direct = new Set(graph.get(primary.ref) ?? []);
  const projects = primary.components.filter((c) => c.type !== 'file' && direct.has(c.ref));
  if (projects.length === 0) return undefined;
  // ORT names a project by its identifier (Gradle:org.example:lib:1.0.0), and so does Hermine's import.
  const projectOfRef = sbom.source.id === 'ort' ? new Map(projects.map((p) => [p.ref, p.ref])) : projectNames(projects);
  const projectsOf = new Map<string, string[]>();
  const ordered = [...projectOfRef].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [ref, name] of ordered) {
    const seen = new Set<string>([ref]);
    const queue = [ref];
    for (let i = 0; i < queue.length; i++) {
      for (const next of graph.get(queue[i]!) ?? []) {
        if (seen.has(next) || projectOfRef.has(next)) continue;
        seen.add(next);
        queue.push(next);
        const list = projectsOf.get(next);
        if (list) list.push(name);
        else projectsOf.set(next, [name]);
      }
    }
  }
  const projectOfFile = new Map<string, string>();
  for (const p of projects) {
    const file = p.evidence?.[0];
    if (file !== undefined) projectOfFile.set(file, projectOfRef.get(p.ref)!);
  }
  for (const c of allComponents(sbom)) {
    if (projectsOf.has(c.ref) || projectOfRef.has(c.ref)) continue;
    const named = [
      ...new Set((c.evidence ?? []).map((file) => projectOfFile.get(file)).filter((n): n is string => n !== undefined)),
    ];
    if (named.length > 0) projectsOf.set(c.ref, named.sort());
  }
  return { projectOfRef, projectsOf };
}

/**
 * A project is known by its name (the package or module name its manifest gives); a project without
 * one, or whose name another project also has, by its file as well: `api (services/api/poetry.lock)`.
 */
function projectNames(projects: Component[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of projects) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const p of projects) {
    const where = p.evidence?.[0] ?? p.ref;
    const name = !p.name ? where : count.get(p.name)! > 1 ? `${p.name} (${where})` : p.name;
    out.set(p.ref, name);
  }
  return out;
}
