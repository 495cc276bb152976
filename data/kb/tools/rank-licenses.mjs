// Ranks SPDX licence ids by how often the corpora's SBOMs and lockfiles name them, to choose which
// licences our knowledge base must cover first. Run: node data/kb/tools/rank-licenses.mjs [corpora dir]
//
// Method (recorded in the output): every licence field of every component/package in the JSON, XML
// and SPDX tag-value files under sboms/, lockfiles/ and ort/ is split into tokens; a token counts
// when it is an SPDX licence id (case-insensitive; deprecated GNU ids such as "GPL-2.0+" are mapped
// to their -only/-or-later successors). Score = number of licence fields naming the id (one per
// field even if repeated inside it); ties are broken by the number of files, then by id.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpora = resolve(process.argv[2] ?? join(here, '..', '..', '..', '..', 'shared', 'corpora'));
const list = JSON.parse(readFileSync(join(corpora, 'licenses/spdx-list/licenses_spdx.json'), 'utf8'));
const byLower = new Map(list.licenses.map((l) => [l.licenseId.toLowerCase(), l.licenseId]));
const GNU = /^(A?GPL|LGPL|GFDL)-(\d\.\d)(\+)?$/i;

function canonical(token) {
  const gnu = GNU.exec(token);
  if (gnu) {
    const id = `${gnu[1].toUpperCase()}-${gnu[2]}-${gnu[3] ? 'or-later' : 'only'}`;
    if (byLower.has(id.toLowerCase())) return byLower.get(id.toLowerCase());
  }
  return byLower.get(token.toLowerCase()) ?? null;
}

function idsIn(text) {
  const out = new Set();
  for (const raw of String(text).split(/[\s()]+|\bAND\b|\bOR\b|\bWITH\b/i)) {
    const id = raw && canonical(raw.replace(/^["',;]+|["',;]+$/g, ''));
    if (id) out.add(id);
  }
  return out;
}

const LICENCE_KEY = /^(licen[cs]es?|licenseConcluded|licenseDeclared|expression|declared_licenses|declaredLicenses|concluded_license|licenseInfoInFiles)$/i;
const fields = [];
function walkJson(node, underLicence) {
  if (typeof node === 'string') { if (underLicence) fields.push(node); return; }
  if (Array.isArray(node)) { for (const x of node) walkJson(x, underLicence); return; }
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const licenceKey = LICENCE_KEY.test(k) || (underLicence && (k === 'id' || k === 'name'));
      if (typeof v === 'string') { if (licenceKey) fields.push(v); }
      else walkJson(v, licenceKey || (underLicence && k !== 'text'));
    }
  }
}

const score = new Map();
const files = new Map();
let fileCount = 0;
function count(path, strings) {
  const seenHere = new Set();
  for (const s of strings) for (const id of idsIn(s)) {
    score.set(id, (score.get(id) ?? 0) + 1);
    seenHere.add(id);
  }
  for (const id of seenHere) files.set(id, (files.get(id) ?? 0) + 1);
  fileCount++;
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { walk(path); continue; }
    const text = readFileSync(path, 'utf8');
    fields.length = 0;
    if (/\.json$/i.test(name)) {
      try { walkJson(JSON.parse(text), false); } catch { continue; }
    } else if (/\.xml$/i.test(name)) {
      for (const m of text.matchAll(/<license>\s*<(?:id|name)>([^<]+)</g)) fields.push(m[1]);
      for (const m of text.matchAll(/<expression[^>]*>([^<]+)</g)) fields.push(m[1]);
    } else if (/\.spdx$/i.test(name)) {
      for (const m of text.matchAll(/^(?:PackageLicense(?:Concluded|Declared)|LicenseConcluded):\s*(.+)$/gm)) fields.push(m[1]);
    } else continue;
    count(path, [...fields]);
  }
}
for (const folder of ['sboms', 'lockfiles', 'ort']) walk(join(corpora, folder));

const ranking = [...score.entries()]
  .map(([id, fields]) => ({ id, fields, files: files.get(id) }))
  .sort((a, b) => b.fields - a.fields || b.files - a.files || a.id.localeCompare(b.id));
const out = {
  method: 'Licence fields of SBOM/lockfile/ORT files (JSON, XML, SPDX tag-value) under sboms/, lockfiles/, ort/ split into tokens matched case-insensitively against the SPDX list (deprecated GNU ids mapped to -only/-or-later); score = licence fields naming the id; ties by file count then id.',
  spdxListVersion: list.licenseListVersion,
  filesScanned: fileCount,
  ranking,
};
writeFileSync(join(here, '..', 'ranking.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${fileCount} files, ${ranking.length} ids; top: ${ranking.slice(0, 15).map((r) => `${r.id}(${r.fields})`).join(' ')}`);
