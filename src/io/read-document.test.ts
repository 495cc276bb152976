import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToText } from './read-document.js';

const xml = (decl: string, name: string) =>
  `<?xml version="1.0"${decl}?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components>` +
  `<component type="library"><name>${name}</name></component></components></bom>\n`;

test('XML in a single-byte encoding its declaration names is read in that encoding', () => {
  const latin1 = Buffer.from(xml(' encoding="ISO-8859-1"', 'Müller-Çà'), 'latin1');
  assert.match(bytesToText(latin1, 'a.xml'), /<name>Müller-Çà<\/name>/);
  const single = Buffer.from(xml(" encoding='latin1' standalone='yes'", 'Ø'), 'latin1');
  assert.match(bytesToText(single, 'b.xml'), /<name>Ø<\/name>/);
});

test('XML in UTF-16 without a byte-order mark is known by its opening "<?"', () => {
  const text = xml(' encoding="UTF-16"', 'zoë');
  assert.equal(bytesToText(Buffer.from(text, 'utf16le'), 'le.xml'), text);
  const be = Buffer.from(text, 'utf16le').swap16();
  assert.equal(bytesToText(be, 'be.xml'), text);
});

test('bad UTF-8 is still refused when no declaration names another encoding, or names UTF-8', () => {
  const bad = (decl: string) => Buffer.concat([Buffer.from(xml(decl, 'a')), Buffer.from([0xc3, 0x28])]);
  assert.throws(() => bytesToText(bad(''), 'c.xml'), /c\.xml is not valid UTF-8 text/);
  assert.throws(() => bytesToText(bad(' encoding="UTF-8"'), 'd.xml'), /d\.xml is not valid UTF-8 text/);
  assert.throws(() => bytesToText(bad(' encoding="x-unknown"'), 'e.xml'), /names x-unknown, which Vigie cannot decode/);
  assert.throws(() => bytesToText(Buffer.from([0x7b, 0xe9, 0x7d]), 'f.json'), /not valid UTF-8/);
});

test('windows-1252 XML keeps its curly quotes, dashes and euro sign', () => {
  const text = xml(' encoding="windows-1252"', 'QUOTE');
  const bytes = Buffer.from(text, 'latin1');
  const at = bytes.indexOf('QUOTE');
  bytes.set([0x93, 0x80, 0x96, 0x94, 0x99], at);
  assert.match(bytesToText(bytes, 'w.xml'), /<name>\u201c\u20ac\u2013\u201d\u2122<\/name>/);
});
