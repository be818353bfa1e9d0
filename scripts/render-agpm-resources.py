#!/usr/bin/env python3
"""Renders every entry of aig787/agpm-resources' examples/local/agpm.toml (its
variables as --var/--context-var, its tool as --tool), and every Markdown
resource of the repository standalone with the same project file.
usage: render-agpm-resources.py <agentgen> <out-dir> <agpm-resources checkout>
Prints one line per failure and a summary; exits 1 when any failed."""
import json, os, subprocess, sys, tomllib, pathlib, shutil
agentgen = os.path.abspath(sys.argv[1]); out = pathlib.Path(sys.argv[2]).resolve()
repo = pathlib.Path(sys.argv[3]).resolve(); manifest = repo/'examples/local/agpm.toml'
shutil.rmtree(out, ignore_errors=True); out.mkdir(parents=True)
data = tomllib.loads(manifest.read_text())
singular = {'agents':'agent','commands':'command','snippets':'snippet','hooks':'hook','mcp-servers':'mcp-server','scripts':'script','skills':'skill'}
def toml_value(v):
    if isinstance(v, bool): return 'true' if v else 'false'
    if isinstance(v, str): return json.dumps(v)
    return json.dumps(v)
ok = fail = 0; results = {}
for cat, entries in data.items():
    if cat not in singular: continue
    for name, e in entries.items():
        if not isinstance(e, dict) or 'path' not in e: continue
        src = (manifest.parent/e['path']).resolve()
        args = [agentgen, 'render', str(src), '-o', str(out/cat/(name+src.suffix)), '--root', str(repo),
                '--project-file', str(manifest), '--type', singular[cat]]
        if 'tool' in e: args += ['--tool', e['tool']]
        for k, v in e.get('template_vars', {}).items():
            if k == 'project':
                for pk, pv in v.items(): args += ['--var', f'{pk}={toml_value(pv)}']
            else: args += ['--context-var', f'{k}={toml_value(v)}']
        p = subprocess.run(args, capture_output=True, text=True)
        results[f'{cat}/{name}'] = {'rc': p.returncode, 'stderr': p.stderr}
        if p.returncode == 0: ok += 1
        else:
            fail += 1; print(f'FAIL {cat}/{name}: {p.stderr.splitlines()[0] if p.stderr else p.returncode}')
# standalone: every .md in resource folders
for md in sorted(repo.rglob('*.md')):
    rel = md.relative_to(repo)
    if rel.parts[0] in ('examples', '.github', '.idea') or len(rel.parts) < 2: continue
    typ = {'agents':'agent','commands':'command','snippets':'snippet'}.get(rel.parts[1] if rel.parts[0] in ('claude-code','opencode','private') else 'snippets', 'snippet')
    if rel.parts[0] == 'private': typ = {'commands':'command','snippets':'snippet'}.get(rel.parts[-2], 'snippet')
    args = [agentgen, 'render', str(md), '-o', str(out/'standalone'/rel), '--root', str(repo), '--project-file', str(manifest), '--type', typ]
    if rel.parts[0] == 'opencode' or (len(rel.parts) > 1 and rel.parts[1] == 'opencode'): args += ['--tool', 'opencode']
    p = subprocess.run(args, capture_output=True, text=True)
    results[f'standalone/{rel}'] = {'rc': p.returncode, 'stderr': p.stderr}
    if p.returncode == 0: ok += 1
    else:
        fail += 1; print(f'FAIL standalone/{rel}: {p.stderr.splitlines()[0] if p.stderr else p.returncode}')
json.dump(results, open(out/'results.json','w'), indent=1)
print(f'{ok} rendered, {fail} failed')
sys.exit(1 if fail else 0)
