import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CLIENT_SCRIPT, STYLESHEET, TEMPLATES } from '../src/dashboard/assets.generated.js';

// Tests run from build/test/; the files are read from the sources.
const dashboard = new URL('../../src/dashboard/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dashboard), 'utf8');

describe('the dashboard assets module', () => {
  it('holds every template, the stylesheet and the browser script exactly as their files are', () => {
    const files = readdirSync(new URL('templates/', dashboard)).filter((name) => name.endsWith('.eta'));
    const fromFiles = Object.fromEntries(files.map((name) => [`@${name.slice(0, -4)}`, read(`templates/${name}`)]));
    const stale = 'is out of step with its file: run "npm run build" (or node scripts/dashboard-assets.js)';
    assert.deepEqual(TEMPLATES, fromFiles, `a template ${stale}`);
    assert.equal(STYLESHEET, read('assets/dgrid.css'), `the stylesheet ${stale}`);
    assert.equal(CLIENT_SCRIPT, read('assets/dgrid.js'), `the browser script ${stale}`);
  });
});
