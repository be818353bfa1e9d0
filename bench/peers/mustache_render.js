#!/usr/bin/env node
// Peer: renders agents with Node + mustache.js, doing agentgen's job in a
// batch: split frontmatter, read YAML dependencies, load snippets (templated
// ones rendered in their own context), render the agent, escaping off.
// usage: mustache_render.js ROOT OUT_DIR AGENT...
'use strict';
const fs = require('fs');
const path = require('path');
const Mustache = require('mustache');
const yaml = require('js-yaml');

Mustache.escape = (text) => text;

function split(text) {
  if (!text.startsWith('---\n')) return [{}, text];
  const end = text.indexOf('\n---\n', 3);
  return [yaml.load(text.slice(4, end)) || {}, text.slice(end + 5)];
}

const key = (p) => path.basename(p, path.extname(p)).replace(/-/g, '_');
const trim = (s) => s.replace(/^\n+/, '').replace(/\n$/, '');
const contents = new Map();

function content(p) {
  if (!contents.has(p)) {
    const [meta, rest] = split(fs.readFileSync(p, 'utf8'));
    let body = trim(rest);
    if (meta.agpm && meta.agpm.templating === true) {
      body = trim(Mustache.render(body, context(p, meta)));
    }
    contents.set(p, body);
  }
  return contents.get(p);
}

function context(p, meta) {
  const deps = {};
  for (const entry of ((meta.dependencies || {}).snippets || [])) {
    const dep = path.normalize(path.join(path.dirname(p), entry.path));
    deps[key(dep)] = {content: content(dep)};
  }
  return {agpm: {deps: {snippets: deps}, project: {}}};
}

const [root, outDir, ...agents] = process.argv.slice(2);
for (const agent of agents) {
  const text = fs.readFileSync(agent, 'utf8');
  const [meta] = split(text);
  const out = path.join(outDir, path.relative(root, agent));
  fs.mkdirSync(path.dirname(out), {recursive: true});
  fs.writeFileSync(out, Mustache.render(text, context(agent, meta)));
}
