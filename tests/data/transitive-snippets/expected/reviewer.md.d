/out/reviewer.md: /case/agents/reviewer.md \
 /case/agpm.toml \
 /case/snippets/reviewer.md \
 /case/snippets/python-guide.md \
 /case/mcp/context7.json \
 /case/docs/style.md
